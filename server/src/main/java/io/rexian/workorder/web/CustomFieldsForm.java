package io.rexian.workorder.web;

import io.rexian.workorder.CustomField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The custom-field editor's rows, bound from {@code fields[0].key} and so on. Options are typed
 * comma-separated (ASCII or Chinese comma); validation stays with the work-order types.
 */
public class CustomFieldsForm {

    private List<Row> fields = new ArrayList<>();

    static CustomFieldsForm of(List<CustomField> customFields) {
        CustomFieldsForm form = new CustomFieldsForm();
        for (CustomField f : customFields) {
            Row row = new Row();
            row.setKey(f.key());
            row.setLabel(f.label());
            row.setKind(f.kind());
            row.setRequired(f.required());
            row.setOptions(String.join(", ", f.options()));
            form.fields.add(row);
        }
        return form;
    }

    /** Rows left entirely empty are ignored. */
    List<CustomField> toFields() {
        return fields.stream()
                .filter(r -> r != null && !r.isEmpty())
                .map(r -> new CustomField(trim(r.getKey()), trim(r.getLabel()), r.getKind(), r.isRequired(), options(r.getOptions())))
                .toList();
    }

    private static List<String> options(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，、]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public List<Row> getFields() {
        return fields;
    }

    public void setFields(List<Row> fields) {
        this.fields = fields;
    }

    public static class Row {
        private String key;
        private String label;
        private CustomField.Kind kind;
        private boolean required;
        private String options;

        boolean isEmpty() {
            return (key == null || key.isBlank()) && (label == null || label.isBlank())
                    && (options == null || options.isBlank()) && !required;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public CustomField.Kind getKind() {
            return kind;
        }

        public void setKind(CustomField.Kind kind) {
            this.kind = kind;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public String getOptions() {
            return options;
        }

        public void setOptions(String options) {
            this.options = options;
        }
    }
}
