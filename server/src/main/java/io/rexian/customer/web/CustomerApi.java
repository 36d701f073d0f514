package io.rexian.customer.web;

import io.rexian.customer.CustomerLookup;
import io.rexian.customer.CustomerSettings;
import io.rexian.customer.CustomerSummary;
import io.rexian.customer.internal.Customer;
import io.rexian.customer.internal.CustomerForm;
import io.rexian.customer.internal.CustomerOverview;
import io.rexian.customer.internal.CustomerScope;
import io.rexian.customer.internal.CustomerSearch;
import io.rexian.customer.internal.CustomerService;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers over HTTP: the same rules, scope and masking as the pages. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customer records, caller lookup and billing summary")
class CustomerApi {

    private final CustomerSearch search;
    private final CustomerScope scope;
    private final CustomerService customers;
    private final CustomerLookup lookup;
    private final CustomerOverview overview;
    private final CustomerSettings settings;

    CustomerApi(CustomerSearch search, CustomerScope scope, CustomerService customers, CustomerLookup lookup,
                CustomerOverview overview, CustomerSettings settings) {
        this.search = search;
        this.scope = scope;
        this.customers = customers;
        this.lookup = lookup;
        this.overview = overview;
        this.settings = settings;
    }

    /** One page of matches; total counts up to the cap and {@code capped} says there are more. */
    record PageResponse(List<Customer> items, int page, int size, long total, boolean capped) {
    }

    @GetMapping
    @Operation(summary = "Search customers", description = "Filters combine with AND; q searches name, account "
            + "number, any part of a phone number, ID number, estate, address and enterprise name.")
    PageResponse search(@Parameter(hidden = true) CurrentUser user, @ParameterObject @ModelAttribute SearchParams params,
                        @RequestParam(defaultValue = "20") int size) {
        CustomerSearch.Page page = search.search(params.toQuery(), scope.of(user), params.getPage(),
                Math.clamp(size, 1, 200), settings.countCap());
        boolean unmasked = user.can(Permission.CUSTOMER_VIEW_ID_NUMBER);
        return new PageResponse(page.items().stream().map(c -> unmasked ? c : c.masked()).toList(), page.page(),
                page.size(), page.total(), page.capped());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One customer; ID and bank numbers masked unless permitted")
    Customer get(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
        return customers.view(user, id);
    }

    @PostMapping
    @Operation(summary = "Create a customer")
    ResponseEntity<Customer> create(@Parameter(hidden = true) CurrentUser user, @RequestBody CustomerForm form) {
        Customer c = customers.create(user, form);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + c.id())).body(customers.view(user, c.id()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a customer", description = "Send the version you read; 409 when someone saved in between. "
            + "A masked ID or bank number keeps the stored value.")
    Customer update(@Parameter(hidden = true) CurrentUser user, @PathVariable long id, @RequestBody CustomerForm form) {
        customers.update(user, id, form);
        return customers.view(user, id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a customer")
    ResponseEntity<Void> delete(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
        customers.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/lookup")
    @Operation(summary = "Who is calling", description = "Accepts +86, 0086 and trunk-0 variants of a number.")
    List<CustomerSummary> byPhone(@Parameter(hidden = true) CurrentUser user, @RequestParam String phone) {
        CustomerScope.Visible visible = scope.of(user);
        return lookup.byPhone(phone).stream()
                .filter(s -> visible.all() || (s.district() != null && visible.districts().contains(s.district())))
                .toList();
    }

    @GetMapping("/{id}/billing")
    @Operation(summary = "Balance, arrears, recent bills and payments of a customer's account")
    CustomerOverview.Billing billing(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
        return overview.billing(customers.view(user, id).accountNo());
    }
}
