package io.rexian.identity.web;

import io.rexian.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Turns a refused action into the sentence a page shows in the user's language. */
@Component
public class ErrorMessages {

    private final MessageSource messages;

    ErrorMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String of(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    public String of(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /**
     * Runs a page action and flashes its outcome for the page redirected to: 「已保存。」 when it
     * succeeds, the refusal in the user's language when a business rule stops it.
     */
    public void flashOutcome(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", of("common.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", of(e));
        }
    }
}
