package io.rexian.customer;

import io.rexian.customer.internal.Customer;
import io.rexian.customer.internal.CustomerForm;
import io.rexian.customer.internal.CustomerService;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.TestUsers;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;

/** Customers for integration tests, created through the service as an all-powerful user. */
final class CustomerFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

    private final CustomerService customers;
    private final CurrentUser admin;

    CustomerFixtures(ApplicationContext context) {
        this.customers = context.getBean(CustomerService.class);
        this.admin = TestUsers.from(context).withPermissions(TestUsers.unique("fixture-admin"), null,
                Permission.values());
    }

    static String uniqueAccount(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    CurrentUser admin() {
        return admin;
    }

    Customer create(String name, String district, String... phones) {
        return createWithAccount(uniqueAccount("T"), name, district, phones);
    }

    Customer createWithAccount(String accountNo, String name, String district, String... phones) {
        CustomerForm form = form(accountNo, name, district, phones);
        return customers.create(admin, form);
    }

    static CustomerForm form(String accountNo, String name, String district, String... phones) {
        CustomerForm form = new CustomerForm();
        form.setAccountNo(accountNo);
        form.setName(name);
        form.setDistrict(district);
        form.setEstate("幸福家园");
        form.setBuilding("3号楼");
        form.setUnit("2单元");
        form.setRoom("501");
        form.setIdNumber("110101199001011234");
        form.setBankAccount("6222020200112233445");
        form.setPhones(new java.util.ArrayList<>(List.of(phones)));
        return form;
    }
}
