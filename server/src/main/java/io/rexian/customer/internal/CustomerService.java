package io.rexian.customer.internal;

import io.rexian.identity.AuditLog;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading one customer and every single-customer write, each with its permission check,
 * row scope check and audit entry in the same transaction.
 */
@Service
public class CustomerService {

    private final Customers customers;
    private final CustomerCatalog catalog;
    private final CustomerScope scope;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerService(Customers customers, CustomerCatalog catalog, CustomerScope scope, AuditLog audit,
                    ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.catalog = catalog;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The customer as this user may see it (masked unless he may see ID numbers). */
    @Transactional(readOnly = true)
    public Customer view(CurrentUser user, long id) {
        Customer c = visible(user, id);
        return user.can(Permission.CUSTOMER_VIEW_ID_NUMBER) ? c : c.masked();
    }

    @Transactional
    public Customer create(CurrentUser user, CustomerForm form) {
        user.require(Permission.CUSTOMER_EDIT);
        CustomerScope.Visible visible = scope.of(user);
        List<FieldProblem> problems = new ArrayList<>();
        CustomerData data = catalog.validation().validate(form, problems);
        if (data.keepIdNumber()) {
            problems.add(new FieldProblem("idNumber", "customer.error.idNumber"));
        }
        if (data.keepBankAccount()) {
            problems.add(new FieldProblem("bankAccount", "customer.error.bankAccount"));
        }
        checkDistrict(visible, data, problems);
        if (problems.isEmpty() && customers.accountNoTaken(data.accountNo(), null)) {
            problems.add(new FieldProblem("accountNo", "customer.error.accountNoTaken", data.accountNo()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCustomer(problems);
        }
        long id = customers.insert(data, clock.instant());
        Customer created = customers.find(id).orElseThrow();
        audit.record("customer", String.valueOf(id), "create", changes(null, created));
        events.publishEvent(new CustomersChanged("create"));
        return created;
    }

    @Transactional
    public Customer update(CurrentUser user, long id, CustomerForm form) {
        user.require(Permission.CUSTOMER_EDIT);
        CustomerScope.Visible visible = scope.of(user);
        Customer before = visible(user, id);
        List<FieldProblem> problems = new ArrayList<>();
        CustomerData data = catalog.validation().validate(form, problems);
        checkDistrict(visible, data, problems);
        if (problems.isEmpty() && customers.accountNoTaken(data.accountNo(), id)) {
            problems.add(new FieldProblem("accountNo", "customer.error.accountNoTaken", data.accountNo()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCustomer(problems);
        }
        long version = form.getVersion() == null ? before.version() : form.getVersion();
        if (!customers.update(id, version, data, clock.instant())) {
            throw DomainException.conflict("error.stale");
        }
        Customer after = customers.find(id).orElseThrow();
        audit.record("customer", String.valueOf(id), "update", changes(before, after));
        events.publishEvent(new CustomersChanged("update"));
        return after;
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        user.require(Permission.CUSTOMER_DELETE);
        Customer before = visible(user, id);
        if (!customers.delete(id, before.version())) {
            throw DomainException.conflict("error.stale");
        }
        audit.record("customer", String.valueOf(id), "delete", changes(before, null));
        events.publishEvent(new CustomersChanged("delete"));
    }

    /** Not found and "another team's customer" look the same, so ids reveal nothing. */
    private Customer visible(CurrentUser user, long id) {
        CustomerScope.Visible visible = scope.of(user);
        return customers.find(id).filter(visible::includes)
                .orElseThrow(() -> DomainException.notFound("customer.error.notFound", id));
    }

    /** Staff limited to some districts cannot place customers outside them. */
    private static void checkDistrict(CustomerScope.Visible visible, CustomerData data, List<FieldProblem> problems) {
        if (!visible.all() && (data.district() == null || !visible.districts().contains(data.district()))) {
            problems.add(new FieldProblem("district", "customer.error.districtOutOfScope",
                    String.join("、", visible.districts())));
        }
    }

    /** field -> [old, new] for every field that differs; ID and bank numbers only masked. */
    static Map<String, Object> changes(Customer before, Customer after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (CustomerColumn column : CustomerColumn.values()) {
            String old = before == null ? null : before.value(column);
            String now = after == null ? null : after.value(column);
            if (!Objects.equals(old, now)) {
                boolean secret = column == CustomerColumn.ID_NUMBER || column == CustomerColumn.BANK_ACCOUNT;
                changes.put(column.property(), java.util.Arrays.asList(
                        secret ? Masking.mask(old) : old, secret ? Masking.mask(now) : now));
            }
        }
        Map<String, String> oldCustom = before == null ? Map.of() : before.customFields();
        Map<String, String> newCustom = after == null ? Map.of() : after.customFields();
        java.util.Set<String> keys = new java.util.TreeSet<>(oldCustom.keySet());
        keys.addAll(newCustom.keySet());
        for (String key : keys) {
            if (!Objects.equals(oldCustom.get(key), newCustom.get(key))) {
                changes.put("customFields." + key, java.util.Arrays.asList(oldCustom.get(key), newCustom.get(key)));
            }
        }
        return changes;
    }
}
