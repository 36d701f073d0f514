package io.rexian.workorder.web;

import io.rexian.platform.DomainException;
import io.rexian.platform.web.DomainErrorStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refusals on work-order pages: the error page with the right status and the reason in the user's language. */
@ControllerAdvice(assignableTypes = {WorkOrderPages.class, WorkOrderDocuments.class, WorkOrderStatisticsPages.class,
        WorkOrderAdminPages.class, IncidentPages.class})
class WorkOrderPageErrors {

    private final MessageSource messages;

    WorkOrderPageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, HttpServletResponse response, Model model, Locale locale) {
        HttpStatus status = DomainErrorStatus.of(e);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("reason", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        return "workorder/refused";
    }
}
