package io.rexian.identity.web;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.account.RoleAdministration;
import io.rexian.identity.account.UserAccounts;
import io.rexian.identity.security.ApiKeys;
import io.rexian.platform.DomainException;
import java.util.HashSet;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API keys for integrations; a new key is shown exactly once (USER_ADMIN). */
@Controller
@RequestMapping("/admin/api-keys")
class ApiKeysController {

    private final ApiKeys keys;
    private final UserAccounts accounts;
    private final RoleAdministration roles;
    private final ErrorMessages errors;

    ApiKeysController(ApiKeys keys, UserAccounts accounts, RoleAdministration roles, ErrorMessages errors) {
        this.keys = keys;
        this.accounts = accounts;
        this.roles = roles;
        this.errors = errors;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        user.require(Permission.USER_ADMIN);
        model.addAttribute("keys", keys.list());
        model.addAttribute("people", accounts.findAll(Sort.by("username")));
        model.addAttribute("roles", roles.all());
        return "identity/api-keys";
    }

    @PostMapping
    String create(CurrentUser user, @RequestParam String name, @RequestParam long userId,
                  @RequestParam(required = false) List<String> roleCodes, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        try {
            ApiKeys.CreatedKey created = keys.create(name, userId,
                    new HashSet<>(roleCodes == null ? List.of() : roleCodes), user.username());
            redirect.addFlashAttribute("secret", created.secret());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.of(e));
        }
        return "redirect:/admin/api-keys";
    }

    @PostMapping("/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        errors.flashOutcome(redirect, () -> keys.revoke(id));
        return "redirect:/admin/api-keys";
    }
}
