package io.rexian.customer.internal;

import java.util.List;

/** A customer was refused; carries every reason with the field it concerns. */
public class InvalidCustomer extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidCustomer(List<FieldProblem> problems) {
        super("invalid customer: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
