package io.rexian.customer.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A field an administrator added to every customer.
 *
 * @param code    key in customer.custom_fields (letters, digits, underscore)
 * @param label   what people read (column header on import/export, form label)
 * @param choices allowed values of a CHOICE field, in order
 */
public record CustomFieldDefinition(String code, String label, Type type, List<String> choices, boolean required,
                                    int sortOrder) {

    public enum Type { TEXT, NUMBER, DATE, CHOICE }

    public CustomFieldDefinition {
        choices = List.copyOf(choices);
    }

    static List<String> parseChoices(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split("[,，\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
