package io.rexian.identity.api;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The two credentials of the REST API, so that the API documentation's "Authorize" button
 * works. Operations refer to them with {@code @SecurityRequirement(name = "bearer")} or
 * {@code "apiKey"}.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = ApiSecuritySchemes.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token from POST /api/v1/auth/token, or an API key")
@SecurityScheme(name = ApiSecuritySchemes.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-API-Key", description = "An API key created by an administrator")
class ApiSecuritySchemes {

    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";
}
