package io.rexian.callcenter.extension;

import io.rexian.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refusals on the call center's pages show the error page with the right status, never a stack trace. */
@ControllerAdvice(assignableTypes = {ExtensionPages.class, SipTrunksPage.class, MyExtensionsPage.class})
class ExtensionPageErrors {

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, HttpServletResponse response, Model model) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        return "error";
    }
}
