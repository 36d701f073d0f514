package io.rexian.customer.web;

import io.rexian.platform.DomainException;
import io.rexian.platform.web.DomainErrorStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refusals on customer pages show the error page with the right status, never a stack trace. */
@ControllerAdvice(assignableTypes = {CustomerPages.class, CustomerFiles.class, CustomerAdminPage.class})
class CustomerPageErrors {

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, HttpServletResponse response, Model model) {
        HttpStatus status = DomainErrorStatus.of(e);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        return "error";
    }
}
