package io.rexian.workorder;

import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the workflow of a work-order type: its states, which action moves a work
 * order from which state to which, the permission needed for it and the fields it requires.
 * Immutable; {@link #validate()} refuses definitions that would strand a work order.
 *
 * @param initialState where every new work order starts
 * @param states       all states, at least one of them final
 * @param transitions  allowed moves
 */
public record WorkflowDefinition(String initialState, List<State> states, List<Transition> transitions) {

    /** Field names a transition may require. */
    public static final Set<String> KNOWN_FIELDS = Set.of("team", "note", "step", "attachment");

    public WorkflowDefinition {
        states = states == null ? List.of() : List.copyOf(states);
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
    }

    /**
     * @param code     stable code stored on work orders, e.g. TRANSFERRED
     * @param terminal a final state: the work order is closed there
     */
    public record State(String code, boolean terminal) {
    }

    /**
     * @param action     the verb
     * @param from       states it may start from
     * @param to         state it ends in
     * @param permission permission the acting user needs
     * @param required   fields that must be filled (see {@link #KNOWN_FIELDS})
     */
    public record Transition(WorkflowAction action, List<String> from, String to, Permission permission,
                             List<String> required) {
        public Transition {
            from = from == null ? List.of() : List.copyOf(from);
            required = required == null ? List.of() : List.copyOf(required);
        }
    }

    public Optional<Transition> transition(WorkflowAction action, String fromState) {
        return transitions.stream()
                .filter(t -> t.action() == action && t.from().contains(fromState))
                .findFirst();
    }

    public boolean isTerminal(String state) {
        return states.stream().anyMatch(s -> s.code().equals(state) && s.terminal());
    }

    public boolean allows(WorkflowAction action) {
        return transitions.stream().anyMatch(t -> t.action() == action);
    }

    /**
     * @throws DomainException INVALID naming the first problem: unknown initial state, no final
     *                         state, a transition from or to a state that does not exist, a
     *                         transition without action or permission, an unknown required
     *                         field, or a state no path reaches
     */
    public void validate() {
        Set<String> codes = new LinkedHashSet<>();
        for (State s : states) {
            if (s.code() == null || s.code().isBlank()) {
                throw DomainException.invalid("workorder.workflow.stateWithoutCode");
            }
            if (!codes.add(s.code())) {
                throw DomainException.invalid("workorder.workflow.duplicateState", s.code());
            }
        }
        if (!codes.contains(initialState)) {
            throw DomainException.invalid("workorder.workflow.unknownInitial", String.valueOf(initialState));
        }
        if (states.stream().noneMatch(State::terminal)) {
            throw DomainException.invalid("workorder.workflow.noFinalState");
        }
        for (Transition t : transitions) {
            if (t.action() == null || t.permission() == null) {
                throw DomainException.invalid("workorder.workflow.incompleteTransition", String.valueOf(t.to()));
            }
            if (!codes.contains(t.to())) {
                throw DomainException.invalid("workorder.workflow.unknownTarget", t.action(), String.valueOf(t.to()));
            }
            if (t.from().isEmpty()) {
                throw DomainException.invalid("workorder.workflow.noSource", t.action());
            }
            for (String f : t.from()) {
                if (!codes.contains(f)) {
                    throw DomainException.invalid("workorder.workflow.unknownSource", t.action(), f);
                }
            }
            for (String field : t.required()) {
                if (!KNOWN_FIELDS.contains(field)) {
                    throw DomainException.invalid("workorder.workflow.unknownField", t.action(), field);
                }
            }
        }
        Set<String> reached = reachableFromInitial();
        for (String code : codes) {
            if (!reached.contains(code)) {
                throw DomainException.invalid("workorder.workflow.unreachable", code);
            }
        }
    }

    private Set<String> reachableFromInitial() {
        Set<String> seen = new HashSet<>(Set.of(initialState));
        Deque<String> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            String state = todo.pop();
            for (Transition t : transitions) {
                if (t.from().contains(state) && seen.add(t.to())) {
                    todo.push(t.to());
                }
            }
        }
        return seen;
    }
}
