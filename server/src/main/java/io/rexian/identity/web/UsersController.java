package io.rexian.identity.web;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.Teams;
import io.rexian.identity.account.RoleAdministration;
import io.rexian.identity.account.UserAccount;
import io.rexian.identity.account.UserAccounts;
import io.rexian.identity.account.UserAdministration;
import io.rexian.platform.DomainException;
import jakarta.validation.Valid;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration pages (USER_ADMIN). */
@Controller
@RequestMapping("/admin/users")
class UsersController {

    private final UserDirectory directory;
    private final UserAccounts accounts;
    private final UserAdministration administration;
    private final RoleAdministration roles;
    private final Teams teams;
    private final ErrorMessages errors;

    UsersController(UserDirectory directory, UserAccounts accounts, UserAdministration administration,
                    RoleAdministration roles, Teams teams, ErrorMessages errors) {
        this.directory = directory;
        this.accounts = accounts;
        this.administration = administration;
        this.roles = roles;
        this.teams = teams;
        this.errors = errors;
    }

    @GetMapping
    String list(CurrentUser user, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
                Model model) {
        user.require(Permission.USER_ADMIN);
        model.addAttribute("q", q);
        model.addAttribute("result", directory.search(q, page));
        return "identity/users";
    }

    @GetMapping("/new")
    String newForm(CurrentUser user, Model model) {
        user.require(Permission.USER_ADMIN);
        return form(model, new UserForm(), null);
    }

    @GetMapping("/{id}")
    String editForm(CurrentUser user, @PathVariable long id, Model model) {
        user.require(Permission.USER_ADMIN);
        UserAccount account = load(id);
        return form(model, UserForm.of(account), account);
    }

    @PostMapping("/new")
    String create(CurrentUser user, @Valid @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        if (binding.hasErrors()) {
            return form(model, form, null);
        }
        try {
            UserAccount created = administration.create(form.getUsername(), form.getPassword(), true, form.profile());
            redirect.addFlashAttribute("message", errors.of("identity.users.created", created.username()));
            return "redirect:/admin/users/" + created.id();
        } catch (DomainException e) {
            model.addAttribute("error", errors.of(e));
            return form(model, form, null);
        }
    }

    @PostMapping("/{id}")
    String update(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") UserForm form,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        UserAccount account = load(id);
        if (binding.hasErrors()) {
            return form(model, form, account);
        }
        if (account.version() != form.getVersion()) {
            model.addAttribute("error", errors.of("error.stale"));
            return form(model, form, account);
        }
        try {
            administration.update(id, form.profile());
        } catch (DomainException e) {
            model.addAttribute("error", errors.of(e));
            return form(model, form, account);
        } catch (ObjectOptimisticLockingFailureException e) {
            model.addAttribute("error", errors.of("error.stale"));
            return form(model, form, account);
        }
        redirect.addFlashAttribute("message", errors.of("common.saved"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(CurrentUser user, @PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        if (!enabled && user.id() == id) {
            redirect.addFlashAttribute("error", errors.of("identity.users.cannotDisableSelf"));
        } else {
            administration.setEnabled(id, enabled);
            redirect.addFlashAttribute("message", errors.of("common.saved"));
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        redirect.addFlashAttribute("temporaryPassword", administration.resetPassword(id));
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model, UserForm form, UserAccount account) {
        model.addAttribute("form", form);
        model.addAttribute("account", account);
        model.addAttribute("roles", roles.all());
        model.addAttribute("teams", teams.all());
        return "identity/user-form";
    }

    private UserAccount load(long id) {
        return accounts.findById(id).orElseThrow(() -> DomainException.notFound("identity.user.notFound", id));
    }
}
