package io.rexian.customer.web;

import io.rexian.customer.internal.CustomerCatalog;
import io.rexian.customer.internal.CustomerCatalogAdmin;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Customer classes and custom field definitions, for administrators. */
@Controller
@RequestMapping("/customers/admin")
class CustomerAdminPage {

    private final CustomerCatalog catalog;
    private final CustomerCatalogAdmin admin;
    private final MessageSource messages;

    CustomerAdminPage(CustomerCatalog catalog, CustomerCatalogAdmin admin, MessageSource messages) {
        this.catalog = catalog;
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        user.require(Permission.USER_ADMIN);
        model.addAttribute("classes", catalog.classes());
        model.addAttribute("fields", catalog.fields());
        return "customer/admin";
    }

    @PostMapping("/classes")
    String saveClass(CurrentUser user, @RequestParam String code, @RequestParam String nameZh,
                     @RequestParam String nameEn, @RequestParam(defaultValue = "100") int sortOrder,
                     RedirectAttributes redirect, Locale locale) {
        return run(redirect, locale, () -> admin.saveClass(user, code, nameZh, nameEn, sortOrder));
    }

    @PostMapping("/classes/delete")
    String deleteClass(CurrentUser user, @RequestParam String code, RedirectAttributes redirect, Locale locale) {
        return run(redirect, locale, () -> admin.deleteClass(user, code));
    }

    @PostMapping("/fields")
    String saveField(CurrentUser user, @RequestParam String code, @RequestParam String label,
                     @RequestParam String type, @RequestParam(defaultValue = "") String choices,
                     @RequestParam(defaultValue = "false") boolean required,
                     @RequestParam(defaultValue = "100") int sortOrder, RedirectAttributes redirect, Locale locale) {
        return run(redirect, locale, () -> admin.saveField(user, code, label, type, choices, required, sortOrder));
    }

    @PostMapping("/fields/delete")
    String deleteField(CurrentUser user, @RequestParam String code, RedirectAttributes redirect, Locale locale) {
        return run(redirect, locale, () -> admin.deleteField(user, code));
    }

    private String run(RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return "redirect:/customers/admin";
    }
}
