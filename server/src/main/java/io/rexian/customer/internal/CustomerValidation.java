package io.rexian.customer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every customer passes, whether typed in a form, sent to the API or imported.
 * Pure: no database, so import can validate 100,000 rows before writing any.
 */
public final class CustomerValidation {

    private static final Pattern ACCOUNT_NO = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]|\\d{15}");
    private static final Pattern MASKED_ID = Pattern.compile("[\\d*]{14,17}[\\dX*]");
    private static final Pattern BANK_ACCOUNT = Pattern.compile("\\d{8,30}");
    private static final Pattern MASKED_BANK = Pattern.compile("[\\d*]{8,30}");

    private final Set<String> classCodes;
    private final List<CustomFieldDefinition> fields;

    public CustomerValidation(Collection<String> classCodes, List<CustomFieldDefinition> fields) {
        this.classCodes = Set.copyOf(classCodes);
        this.fields = List.copyOf(fields);
    }

    /** @param problems receives every problem found; the result is meaningful only when none were added */
    public CustomerData validate(CustomerForm form, List<FieldProblem> problems) {
        form.clean();
        for (CustomerColumn column : CustomerColumn.values()) {
            String v = form.get(column);
            if (column != CustomerColumn.PHONES && v != null && v.length() > column.maxLength()) {
                problems.add(new FieldProblem(column.property(), "customer.error.tooLong", column.maxLength()));
            }
        }
        require(form.getAccountNo(), "accountNo", problems);
        if (form.getAccountNo() != null && !ACCOUNT_NO.matcher(form.getAccountNo()).matches()) {
            problems.add(new FieldProblem("accountNo", "customer.error.accountNo"));
        }
        require(form.getName(), "name", problems);
        String classCode = form.getCustomerClass() == null ? null : form.getCustomerClass().toUpperCase(Locale.ROOT);
        if (classCode == null) {
            problems.add(new FieldProblem("customerClass", "customer.error.required"));
        } else if (!classCodes.contains(classCode)) {
            problems.add(new FieldProblem("customerClass", "customer.error.class", form.getCustomerClass()));
        }
        LinkedHashSet<String> phones = new LinkedHashSet<>();
        for (int i = 0; i < form.getPhones().size(); i++) {
            String normalized = PhoneNumbers.normalize(form.getPhones().get(i));
            if (!PhoneNumbers.plausible(normalized)) {
                problems.add(new FieldProblem("phones[" + i + "]", "customer.error.phone", form.getPhones().get(i)));
            }
            phones.add(normalized);
        }
        if (phones.size() > 10) {
            problems.add(new FieldProblem("phones", "customer.error.tooManyPhones", 10));
        }
        String idNumber = form.getIdNumber() == null ? null : form.getIdNumber().toUpperCase(Locale.ROOT);
        boolean keepId = Masking.isMasked(idNumber);
        if (idNumber != null && !(keepId ? MASKED_ID : ID_NUMBER).matcher(idNumber).matches()) {
            problems.add(new FieldProblem("idNumber", "customer.error.idNumber"));
        }
        BigDecimal area = null;
        if (form.getHeatedArea() != null) {
            try {
                area = new BigDecimal(form.getHeatedArea());
                if (area.signum() < 0 || area.compareTo(new BigDecimal("9999999999")) > 0) {
                    problems.add(new FieldProblem("heatedArea", "customer.error.number"));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("heatedArea", "customer.error.number"));
            }
        }
        String bankAccount = form.getBankAccount() == null ? null : form.getBankAccount().replaceAll("[\\s-]", "");
        boolean keepBank = Masking.isMasked(bankAccount);
        if (bankAccount != null && !(keepBank ? MASKED_BANK : BANK_ACCOUNT).matcher(bankAccount).matches()) {
            problems.add(new FieldProblem("bankAccount", "customer.error.bankAccount"));
        }
        Map<String, String> custom = customFields(form.getCustomFields(), problems);
        return new CustomerData(form.getAccountNo(), form.getName(), classCode, List.copyOf(phones),
                keepId ? null : idNumber, keepId, form.getDistrict(), form.getEstate(), form.getBuilding(),
                form.getUnit(), form.getFloor(), form.getRoom(), form.getAddressText(), area, form.getMeterNo(),
                form.getMeterDetails(), form.getBankName(), keepBank ? null : bankAccount, keepBank,
                form.getEnterpriseName(), form.getNotes(), custom);
    }

    private Map<String, String> customFields(Map<String, String> values, List<FieldProblem> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        for (CustomFieldDefinition field : fields) {
            String property = "customFields[" + field.code() + "]";
            String v = values.get(field.code());
            if (v == null) {
                if (field.required()) {
                    problems.add(new FieldProblem(property, "customer.error.required"));
                }
                continue;
            }
            if (v.length() > 500) {
                problems.add(new FieldProblem(property, "customer.error.tooLong", 500));
                continue;
            }
            switch (field.type()) {
                case TEXT -> result.put(field.code(), v);
                case NUMBER -> {
                    try {
                        result.put(field.code(), new BigDecimal(v).toPlainString());
                    } catch (NumberFormatException e) {
                        problems.add(new FieldProblem(property, "customer.error.customNumber"));
                    }
                }
                case DATE -> {
                    try {
                        result.put(field.code(), LocalDate.parse(v.replace('/', '-')).toString());
                    } catch (DateTimeParseException e) {
                        problems.add(new FieldProblem(property, "customer.error.date"));
                    }
                }
                case CHOICE -> {
                    if (field.choices().contains(v)) {
                        result.put(field.code(), v);
                    } else {
                        problems.add(new FieldProblem(property, "customer.error.choice", v,
                                String.join("、", field.choices())));
                    }
                }
            }
        }
        return result;
    }

    private static void require(String value, String field, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "customer.error.required"));
        }
    }

    public List<CustomFieldDefinition> fields() {
        return fields;
    }

    static List<FieldProblem> newProblems() {
        return new ArrayList<>();
    }
}
