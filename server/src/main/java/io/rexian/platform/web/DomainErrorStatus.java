package io.rexian.platform.web;

import io.rexian.platform.DomainException;
import org.springframework.http.HttpStatus;

/** The HTTP status a refused business rule answers with: the same for the REST API and for pages. */
public final class DomainErrorStatus {

    private DomainErrorStatus() {
    }

    public static HttpStatus of(DomainException e) {
        return switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }
}
