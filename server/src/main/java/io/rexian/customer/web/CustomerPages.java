package io.rexian.customer.web;

import io.rexian.customer.CustomerSettings;
import io.rexian.customer.internal.Customer;
import io.rexian.customer.internal.CustomerCatalog;
import io.rexian.customer.internal.CustomerClass;
import io.rexian.customer.internal.CustomerForm;
import io.rexian.customer.internal.CustomerOverview;
import io.rexian.customer.internal.CustomerQuery;
import io.rexian.customer.internal.CustomerScope;
import io.rexian.customer.internal.CustomerSearch;
import io.rexian.customer.internal.CustomerService;
import io.rexian.customer.internal.FieldProblem;
import io.rexian.customer.internal.InvalidCustomer;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.PlatformSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Customer list with live search, detail, create, edit and delete pages. */
@Controller
@RequestMapping("/customers")
class CustomerPages {

    private final CustomerSearch search;
    private final CustomerScope scope;
    private final CustomerService customers;
    private final CustomerCatalog catalog;
    private final CustomerOverview overview;
    private final CustomerSettings settings;
    private final MessageSource messages;
    private final PlatformSettings platform;

    CustomerPages(CustomerSearch search, CustomerScope scope, CustomerService customers, CustomerCatalog catalog,
                  CustomerOverview overview, CustomerSettings settings, MessageSource messages, PlatformSettings platform) {
        this.platform = platform;
        this.messages = messages;
        this.search = search;
        this.scope = scope;
        this.customers = customers;
        this.catalog = catalog;
        this.overview = overview;
        this.settings = settings;
    }

    @GetMapping
    String list(CurrentUser user, @ModelAttribute("query") SearchParams params,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        CustomerScope.Visible visible = scope.of(user);
        CustomerSearch.Page page = search.search(params.toQuery(), visible, params.getPage(), settings.pageSize(),
                settings.countCap());
        model.addAttribute("result", user.can(Permission.CUSTOMER_VIEW_ID_NUMBER) ? page
                : new CustomerSearch.Page(page.items().stream().map(Customer::masked).toList(), page.page(),
                page.size(), page.total(), page.capped()));
        model.addAttribute("classNames", classNames(locale));
        model.addAttribute("classes", catalog.classes());
        model.addAttribute("canEdit", user.can(Permission.CUSTOMER_EDIT));
        model.addAttribute("canImport", user.can(Permission.CUSTOMER_IMPORT));
        model.addAttribute("canExport", user.can(Permission.CUSTOMER_EXPORT));
        model.addAttribute("canAdmin", user.can(Permission.USER_ADMIN));
        model.addAttribute("exportQuery", params.queryString());
        return htmx != null ? "customer/list :: results" : "customer/list";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model, Locale locale) {
        Customer c = customers.view(user, id);
        model.addAttribute("customer", c);
        model.addAttribute("classNames", classNames(locale));
        model.addAttribute("fields", catalog.fields());
        model.addAttribute("billing", overview.billing(c.accountNo()));
        model.addAttribute("contacts", overview.contacts(c, user, 20));
        model.addAttribute("zone", platform.timeZone());
        model.addAttribute("canEdit", user.can(Permission.CUSTOMER_EDIT));
        model.addAttribute("canDelete", user.can(Permission.CUSTOMER_DELETE));
        return "customer/detail";
    }

    @GetMapping("/new")
    String createForm(CurrentUser user, Model model, Locale locale) {
        user.require(Permission.CUSTOMER_EDIT);
        return form(new CustomerForm(), null, Map.of(), model, locale);
    }

    @PostMapping
    String create(CurrentUser user, @ModelAttribute("form") CustomerForm form, BindingResult binding, Model model,
                  Locale locale, RedirectAttributes redirect) {
        try {
            Customer c = customers.create(user, form);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/customers/" + c.id();
        } catch (InvalidCustomer e) {
            return form(form, null, byField(e, locale), model, locale);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(CurrentUser user, @PathVariable long id, Model model, Locale locale) {
        user.require(Permission.CUSTOMER_EDIT);
        Customer c = customers.view(user, id);
        return form(CustomerForm.of(c), c.id(), Map.of(), model, locale);
    }

    @PostMapping("/{id}")
    String update(CurrentUser user, @PathVariable long id, @ModelAttribute("form") CustomerForm form,
                  BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            customers.update(user, id, form);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/customers/" + id;
        } catch (InvalidCustomer e) {
            return form(form, id, byField(e, locale), model, locale);
        }
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(CurrentUser user, @PathVariable long id, Model model) {
        user.require(Permission.CUSTOMER_DELETE);
        model.addAttribute("customer", customers.view(user, id));
        return "customer/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        customers.delete(user, id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/customers";
    }

    private String form(CustomerForm form, Long id, Map<String, String> errors, Model model, Locale locale) {
        while (form.getPhones().size() < 3) {
            form.getPhones().add("");
        }
        model.addAttribute("form", form);
        model.addAttribute("customerId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("classes", catalog.classes());
        model.addAttribute("fields", catalog.fields());
        return "customer/form";
    }

    /** First problem of each field, in the user's language. */
    private Map<String, String> byField(InvalidCustomer e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.putIfAbsent(p.field(), messages.getMessage(p.key(), p.args(), p.key(), locale));
        }
        return errors;
    }

    private Map<String, String> classNames(Locale locale) {
        return catalog.classes().stream().collect(Collectors.toMap(CustomerClass::code, c -> c.name(locale)));
    }
}
