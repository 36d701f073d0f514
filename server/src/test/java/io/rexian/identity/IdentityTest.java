package io.rexian.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The one Spring context of identity's integration tests: the whole application on a random
 * port (for browser tests) with a fresh embedded PostgreSQL, MockMvc, and a {@link MovableClock}
 * instead of the system clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rexian.identity.initial-admin-password=")
@AutoConfigureMockMvc
@Import(IdentityTest.Config.class)
public @interface IdentityTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Config {
        static {
            // Runs while the context is being built, after logging is set up and before the runners.
            StartupLog.attach();
        }

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-01-05T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }
    }
}
