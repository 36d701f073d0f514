package io.rexian.customer.web;

import io.rexian.customer.internal.InvalidCustomer;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused customer answers 400 problem details naming each field, like Bean Validation errors do. */
@RestControllerAdvice(assignableTypes = CustomerApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CustomerApiErrors {

    private final MessageSource messages;

    CustomerApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidCustomer.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCustomer e) {
        var locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(),
                        "message", messages.getMessage("customer.field." + baseField(p.field()), null, p.field(), locale)
                                + ": " + messages.getMessage(p.key(), p.args(), p.key(), locale)))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("error.validation", null, locale));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String baseField(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }
}
