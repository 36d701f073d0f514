package io.rexian.identity.security;

import io.rexian.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Bearer tokens for the REST API")
class TokenController {

    record Credentials(@NotBlank String username, @NotBlank String password) {
    }

    record Token(String token, Instant expiresAt) {
    }

    private final PasswordSignIn signIn;
    private final AccessTokens tokens;
    private final MessageSource messages;

    TokenController(PasswordSignIn signIn, AccessTokens tokens, MessageSource messages) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.messages = messages;
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange username and password for a bearer token",
            description = "Send the token as 'Authorization: Bearer <token>' until expiresAt. Failed attempts "
                    + "count towards the account lockout like failed form logins.")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials) {
        Principals.Signed signed;
        try {
            signed = signIn.signIn(credentials.username(), credentials.password(), "token");
        } catch (LockedException e) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "identity.login.locked");
        } catch (AuthenticationException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem());
        }
        if (signed.mustChangePassword()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "identity.password.mustChange");
        }
        AccessTokens.Issued issued = tokens.issue(signed.authentication().getPrincipal().id());
        return ResponseEntity.ok(new Token(issued.token(), issued.expiresAt()));
    }

    private ProblemDetail problem() {
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED);
        p.setTitle(messages.getMessage("identity.login.failed", null, LocaleContextHolder.getLocale()));
        p.setProperty("code", "identity.login.failed");
        return p;
    }
}
