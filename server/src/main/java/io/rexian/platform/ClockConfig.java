package io.rexian.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every deadline and timer reads; tests replace it with a movable one. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock(PlatformSettings settings) {
        return Clock.system(settings.timeZone());
    }
}
