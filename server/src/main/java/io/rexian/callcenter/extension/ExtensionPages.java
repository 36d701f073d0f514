package io.rexian.callcenter.extension;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.UserView;
import io.rexian.identity.Users;
import io.rexian.platform.DomainException;
import io.rexian.platform.PlatformSettings;
import java.time.ZoneId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * 分机管理 (CALLCENTER_CONFIGURE). Not under /admin: that prefix needs USER_ADMIN, and a
 * telephony administrator need not manage users. A generated password is flashed to the next
 * page once and never stored.
 */
@Controller
@RequestMapping("/callcenter/extensions")
class ExtensionPages {

    private final ExtensionAdministration extensions;
    private final SoftphoneSetup softphone;
    private final Users users;
    private final MessageSource messages;
    private final PlatformSettings platform;

    ExtensionPages(ExtensionAdministration extensions, SoftphoneSetup softphone, Users users, MessageSource messages,
                   PlatformSettings platform) {
        this.extensions = extensions;
        this.softphone = softphone;
        this.users = users;
        this.messages = messages;
        this.platform = platform;
    }

    /** Times are shown in the utility's zone, not the server's. */
    @ModelAttribute("zone")
    ZoneId zone() {
        return platform.timeZone();
    }

    @GetMapping
    String list(CurrentUser user, @RequestParam(required = false) String q, Model model) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        model.addAttribute("q", q);
        model.addAttribute("extensions", extensions.search(user, q));
        model.addAttribute("agents", agents());
        return "callcenter/extensions";
    }

    @PostMapping
    String create(CurrentUser user, @RequestParam(defaultValue = "") String number,
                  @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String password,
                  RedirectAttributes redirect) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        ExtensionAdministration.Saved saved = attempt(redirect, () -> extensions.create(user, number, owner, password));
        if (saved == null) {
            // Keep what was typed (never the password) so the form can be corrected.
            redirect.addFlashAttribute("number", number);
            redirect.addFlashAttribute("owner", owner);
            return "redirect:/callcenter/extensions";
        }
        flashSaved(redirect, saved);
        return redirectTo(saved.extension().number());
    }

    @GetMapping("/{number}")
    String show(CurrentUser user, @PathVariable String number, HttpServletRequest request, Model model) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        model.addAttribute("extension", extensions.get(user, number));
        model.addAttribute("agents", agents());
        model.addAttribute("setup", softphone.details(request.getServerName()));
        return "callcenter/extension";
    }

    @PostMapping("/{number}/password")
    String resetPassword(CurrentUser user, @PathVariable String number, @RequestParam long version,
                         @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        ExtensionAdministration.Saved saved = attempt(redirect,
                () -> extensions.resetPassword(user, number, version, password));
        if (saved != null) {
            flashSaved(redirect, saved);
        }
        return redirectTo(number);
    }

    @PostMapping("/{number}/enabled")
    String setEnabled(CurrentUser user, @PathVariable String number, @RequestParam long version,
                      @RequestParam boolean enabled, RedirectAttributes redirect) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        if (attempt(redirect, () -> extensions.setEnabled(user, number, version, enabled)) != null) {
            redirect.addFlashAttribute("message", message("common.saved"));
        }
        return redirectTo(number);
    }

    @PostMapping("/{number}/owner")
    String changeOwner(CurrentUser user, @PathVariable String number, @RequestParam long version,
                       @RequestParam(defaultValue = "") String owner, RedirectAttributes redirect) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        if (attempt(redirect, () -> extensions.changeOwner(user, number, version, owner)) != null) {
            redirect.addFlashAttribute("message", message("common.saved"));
        }
        return redirectTo(number);
    }

    @PostMapping("/{number}/delete")
    String delete(CurrentUser user, @PathVariable String number, @RequestParam long version,
                  @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        if (!confirm) {
            redirect.addFlashAttribute("error", message("callcenter.extension.error.confirmDelete"));
            return redirectTo(number);
        }
        Boolean done = attempt(redirect, () -> {
            extensions.delete(user, number, version);
            return true;
        });
        if (done == null) {
            return redirectTo(number);
        }
        redirect.addFlashAttribute("message", message("callcenter.extension.deleted", number));
        return "redirect:/callcenter/extensions";
    }

    /** Suggestions for the owner field only: any user may own an extension; agents are whom it usually is for. */
    private List<UserView> agents() {
        return users.withPermission(Permission.CALL_HANDLE).stream().filter(UserView::enabled).toList();
    }

    private void flashSaved(RedirectAttributes redirect, ExtensionAdministration.Saved saved) {
        redirect.addFlashAttribute("message", message("common.saved"));
        if (saved.generatedPassword() != null) {
            redirect.addFlashAttribute("secret", saved.generatedPassword());
        }
    }

    /**
     * Runs an action; a refused one (invalid input, conflict, stale edit) is flashed in the
     * user's language and answers null. Missing permissions and unknown extensions are not
     * caught: they reach the error page with 403 / 404.
     */
    private <T> T attempt(RedirectAttributes redirect, Supplier<T> action) {
        try {
            return action.get();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", message(e.messageKey(), e.args()));
        } catch (ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", message("error.stale"));
        }
        return null;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String redirectTo(String number) {
        return "redirect:/callcenter/extensions/" + UriUtils.encodePathSegment(number, "UTF-8");
    }
}
