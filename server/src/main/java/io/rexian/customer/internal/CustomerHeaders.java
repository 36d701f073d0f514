package io.rexian.customer.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Column headers of import and export files: the Chinese label (template default), the
 * English label or the property name all name the same column; custom fields by label or code.
 */
@Component
public class CustomerHeaders {

    private final MessageSource messages;
    private final Map<String, CustomerColumn> byHeader = new HashMap<>();

    CustomerHeaders(MessageSource messages) {
        this.messages = messages;
        for (CustomerColumn c : CustomerColumn.values()) {
            byHeader.put(normalize(c.property()), c);
            byHeader.put(normalize(label(c, Locale.SIMPLIFIED_CHINESE)), c);
            byHeader.put(normalize(label(c, Locale.ENGLISH)), c);
        }
    }

    public String label(CustomerColumn column, Locale locale) {
        return messages.getMessage(column.labelKey(), null, column.property(), locale);
    }

    public Optional<CustomerColumn> standard(String header) {
        return Optional.ofNullable(byHeader.get(normalize(header)));
    }

    public Optional<CustomFieldDefinition> custom(String header, List<CustomFieldDefinition> fields) {
        String h = normalize(header);
        return fields.stream().filter(f -> normalize(f.code()).equals(h) || normalize(f.label()).equals(h)).findFirst();
    }

    /** Headers for a file in the given language: standard columns, then custom fields. */
    public List<String> headers(Locale locale, List<CustomFieldDefinition> fields) {
        List<String> headers = new java.util.ArrayList<>();
        for (CustomerColumn c : CustomerColumn.values()) {
            headers.add(label(c, locale));
        }
        fields.forEach(f -> headers.add(f.label()));
        return headers;
    }

    private static String normalize(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").replaceAll("[\\s*＊]", "").toLowerCase(Locale.ROOT);
    }
}
