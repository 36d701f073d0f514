package io.rexian.customer.internal;

import io.rexian.identity.AuditLog;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators maintain customer classes and custom field definitions here. */
@Service
public class CustomerCatalogAdmin {

    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private final CustomerCatalog catalog;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CustomerCatalogAdmin(CustomerCatalog catalog, AuditLog audit, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public void saveClass(CurrentUser user, String code, String nameZh, String nameEn, int sortOrder) {
        user.require(Permission.USER_ADMIN);
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(c).matches()) {
            throw DomainException.invalid("customer.admin.error.code");
        }
        if (isBlank(nameZh) || isBlank(nameEn)) {
            throw DomainException.invalid("customer.admin.error.name");
        }
        if (catalog.classes().stream().anyMatch(k -> k.code().equals(c) && k.builtin())) {
            throw DomainException.invalid("customer.admin.error.builtin");
        }
        catalog.saveClass(new CustomerClass(c, nameZh.strip(), nameEn.strip(), false, sortOrder));
        audit.record("customer_class", c, "save", Map.of("nameZh", nameZh.strip(), "nameEn", nameEn.strip()));
    }

    @Transactional
    public void deleteClass(CurrentUser user, String code) {
        user.require(Permission.USER_ADMIN);
        if (catalog.classInUse(code)) {
            throw DomainException.conflict("customer.admin.error.classInUse", code);
        }
        catalog.deleteClass(code);
        audit.record("customer_class", code, "delete", Map.of());
    }

    @Transactional
    public void saveField(CurrentUser user, String code, String label, String type, String choices,
                          boolean required, int sortOrder) {
        user.require(Permission.USER_ADMIN);
        String c = code == null ? "" : code.strip();
        if (!CODE.matcher(c).matches()) {
            throw DomainException.invalid("customer.admin.error.code");
        }
        if (isBlank(label)) {
            throw DomainException.invalid("customer.admin.error.name");
        }
        CustomFieldDefinition.Type t;
        try {
            t = CustomFieldDefinition.Type.valueOf(type);
        } catch (RuntimeException e) {
            throw DomainException.invalid("customer.admin.error.type");
        }
        List<String> options = CustomFieldDefinition.parseChoices(choices);
        if (t == CustomFieldDefinition.Type.CHOICE && options.isEmpty()) {
            throw DomainException.invalid("customer.admin.error.choices");
        }
        catalog.saveField(new CustomFieldDefinition(c, label.strip(), t, options, required, sortOrder));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("label", label.strip());
        changes.put("type", t.name());
        changes.put("choices", String.join(",", options));
        changes.put("required", required);
        audit.record("customer_field", c, "save", changes);
        events.publishEvent(new CustomersChanged("field"));
    }

    @Transactional
    public void deleteField(CurrentUser user, String code) {
        user.require(Permission.USER_ADMIN);
        catalog.deleteField(code);
        audit.record("customer_field", code, "delete", Map.of());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
