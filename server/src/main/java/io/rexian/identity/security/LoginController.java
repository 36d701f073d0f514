package io.rexian.identity.security;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.account.UserAdministration;
import io.rexian.identity.web.ErrorMessages;
import io.rexian.platform.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The login page and the user's own password change. */
@Controller
class LoginController {

    private final UserAdministration administration;
    private final ErrorMessages errors;

    LoginController(UserAdministration administration, ErrorMessages errors) {
        this.administration = administration;
        this.errors = errors;
    }

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    @GetMapping(FreshSessionUserFilter.CHANGE_PASSWORD)
    String passwordForm() {
        return "identity/password";
    }

    @PostMapping(FreshSessionUserFilter.CHANGE_PASSWORD)
    String changePassword(CurrentUser user, @RequestParam String oldPassword, @RequestParam String newPassword,
                          @RequestParam String repeatPassword, Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(repeatPassword)) {
                throw DomainException.invalid("identity.password.repeatDiffers");
            }
            administration.changeOwnPassword(user.id(), oldPassword, newPassword);
        } catch (DomainException e) {
            model.addAttribute("error", errors.of(e));
            return "identity/password";
        }
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/";
    }
}
