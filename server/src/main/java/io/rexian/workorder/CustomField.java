package io.rexian.workorder;

import io.rexian.platform.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;

/**
 * An administrator-defined field of a work-order type, stored in the work order's
 * {@code custom_fields} JSON under {@code key}.
 *
 * @param key      JSON key, letters/digits/underscore
 * @param label    shown to people
 * @param kind     what it holds
 * @param required must be filled at registration
 * @param options  allowed values of CHOICE and MULTI_CHOICE
 */
public record CustomField(String key, String label, Kind kind, boolean required, List<String> options) {

    public enum Kind { TEXT, NUMBER, DATE, CHOICE, MULTI_CHOICE, PHONE, ADDRESS }

    public CustomField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /**
     * Normalises a typed value (numbers as BigDecimal, dates as ISO text, multi choice as a list).
     *
     * @return the value to store, or null when empty and optional
     * @throws DomainException INVALID naming the field's label
     */
    public Object normalise(Object value) {
        boolean empty = value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
        if (empty) {
            if (required) {
                throw DomainException.invalid("workorder.custom.required", label);
            }
            return null;
        }
        String text = String.valueOf(value).trim();
        return switch (kind) {
            case TEXT, ADDRESS -> {
                if (text.length() > 500) {
                    throw DomainException.invalid("workorder.custom.tooLong", label, 500);
                }
                yield text;
            }
            case NUMBER -> {
                try {
                    yield new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw DomainException.invalid("workorder.custom.number", label, text);
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw DomainException.invalid("workorder.custom.date", label, text);
                }
            }
            case PHONE -> {
                if (!text.matches("[0-9+\\- ]{5,20}")) {
                    throw DomainException.invalid("workorder.custom.phone", label, text);
                }
                yield text;
            }
            case CHOICE -> {
                if (!options.contains(text)) {
                    throw DomainException.invalid("workorder.custom.choice", label, text, String.join(", ", options));
                }
                yield text;
            }
            case MULTI_CHOICE -> {
                List<String> values = value instanceof Collection<?> c
                        ? c.stream().map(String::valueOf).toList()
                        : List.of(text.split("\\s*,\\s*"));
                for (String v : values) {
                    if (!options.contains(v)) {
                        throw DomainException.invalid("workorder.custom.choice", label, v, String.join(", ", options));
                    }
                }
                yield values;
            }
        };
    }
}
