package io.rexian.customer.internal;

/**
 * One reason a value was refused.
 *
 * @param field property name ({@code accountNo}, {@code phones[1]}, {@code customFields[contract]})
 * @param key   message-bundle key of the reason
 * @param args  arguments of the message
 */
public record FieldProblem(String field, String key, Object... args) {
}
