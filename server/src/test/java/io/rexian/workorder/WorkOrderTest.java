package io.rexian.workorder;

import io.rexian.identity.MovableClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The one Spring context of the work-order integration tests: the whole application on a
 * fresh embedded PostgreSQL, MockMvc, and a {@link MovableClock}. The scheduled deadline scan
 * is pushed far out; tests move the clock and call the scanner themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"rexian.identity.initial-admin-password=", "rexian.workorder.scan-interval=1000h"})
@AutoConfigureMockMvc
@Import(WorkOrderTest.Config.class)
public @interface WorkOrderTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Config {
        /** Monday 2026-01-05 09:00 in Shanghai. */
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-01-05T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }
    }
}
