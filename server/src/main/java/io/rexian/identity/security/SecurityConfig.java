package io.rexian.identity.security;

import io.rexian.identity.Permission;
import io.rexian.identity.audit.JdbcAuditLog;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Three filter chains: the REST API and the actuator are stateless (bearer token or API
 * key, 401/403 as problem details, no CSRF); everything else is the web UI with form
 * login, sessions and CSRF. Controllers still check permissions themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    private static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
            "/error", "/portal/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    /** bcrypt by default; the {id} prefix lets us move to another algorithm without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ProblemResponses problemResponses(MessageSource messages) {
        return new ProblemResponses(messages);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, ApiKeys keys, Principals principals,
                            ProblemResponses problems) throws Exception {
        stateless(http.securityMatcher("/api/**"), new ApiCredentialsFilter(tokens, keys, principals, problems), problems)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/users/**", "/api/v1/teams/**").hasAuthority(Permission.USER_ADMIN.name())
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * Health is public (load balancers); Prometheus and the other actuator endpoints need
     * AUDIT_VIEW through a bearer token or API key, which Prometheus sends with its standard
     * {@code authorization} setting.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, AccessTokens tokens, ApiKeys keys, Principals principals,
                                 ProblemResponses problems) throws Exception {
        stateless(http.securityMatcher("/actuator/**"), new ApiCredentialsFilter(tokens, keys, principals, problems),
                problems)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAuthority(Permission.AUDIT_VIEW.name()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, PasswordSignIn passwordSignIn, Principals principals,
                            JdbcAuditLog audit) throws Exception {
        // Our own manager without a parent: a parent would check a failed password a second
        // time and count the failure twice.
        http.authenticationManager(new ProviderManager(passwordSignIn))
                .addFilterBefore(new FreshSessionUserFilter(principals), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admin/audit/**").hasAuthority(Permission.AUDIT_VIEW.name())
                        .requestMatchers("/admin/**").hasAuthority(Permission.USER_ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").failureHandler(loginFailure()).defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").addLogoutHandler(auditLogout(audit)));
        return http.build();
    }

    /** No session, no CSRF, no saved requests; credentials in every request; errors as problem details. */
    private static HttpSecurity stateless(HttpSecurity http, ApiCredentialsFilter credentials, ProblemResponses problems)
            throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(credentials, AuthorizationFilter.class);
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, e) -> {
            String reason = e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }

    private static LogoutHandler auditLogout(JdbcAuditLog audit) {
        return (request, response, authentication) -> {
            if (authentication instanceof RexianAuthentication signedIn) {
                audit.recordAs(signedIn.getPrincipal().id(), signedIn.getName(), "user",
                        Long.toString(signedIn.getPrincipal().id()), "logout", Map.of());
            }
        };
    }
}
