package io.rexian.identity.web;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.account.Role;
import io.rexian.identity.account.RoleAdministration;
import io.rexian.platform.DomainException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Roles as a permission matrix: one row per permission, one column per role (USER_ADMIN). */
@Controller
@RequestMapping("/admin/roles")
class RolesController {

    private final RoleAdministration roles;
    private final ErrorMessages errors;

    RolesController(RoleAdministration roles, ErrorMessages errors) {
        this.roles = roles;
        this.errors = errors;
    }

    @GetMapping
    String matrix(CurrentUser user, Model model) {
        user.require(Permission.USER_ADMIN);
        model.addAttribute("roles", roles.all());
        model.addAttribute("permissions", Permission.values());
        return "identity/roles";
    }

    /** Saves the whole matrix at once: checkbox {@code grant} values are {@code <roleId>:<PERMISSION>}. */
    @PostMapping
    @Transactional
    String save(CurrentUser user, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        List<String> grants = params.getOrDefault("grant", List.of());
        try {
            for (Role role : roles.all()) {
                Set<Permission> granted = EnumSet.noneOf(Permission.class);
                for (String g : grants) {
                    int colon = g.indexOf(':');
                    if (colon > 0 && g.substring(0, colon).equals(role.id().toString())) {
                        granted.add(Permission.valueOf(g.substring(colon + 1)));
                    }
                }
                String name = params.getFirst("name." + role.id());
                if (name == null) {
                    name = role.name();
                }
                if (!granted.equals(role.permissions()) || !name.trim().equals(role.name())) {
                    roles.update(role.id(), name, granted);
                }
            }
        } catch (DomainException e) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            redirect.addFlashAttribute("error", errors.of(e));
            return "redirect:/admin/roles";
        }
        redirect.addFlashAttribute("message", errors.of("common.saved"));
        return "redirect:/admin/roles";
    }

    @PostMapping("/new")
    String create(CurrentUser user, @RequestParam String code, @RequestParam String name, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        errors.flashOutcome(redirect, () ->
                roles.create(code.trim().toUpperCase(java.util.Locale.ROOT), name, EnumSet.noneOf(Permission.class)));
        return "redirect:/admin/roles";
    }

    @PostMapping("/{id}/delete")
    String delete(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        errors.flashOutcome(redirect, () -> roles.delete(id));
        return "redirect:/admin/roles";
    }
}
