package io.rexian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Rexian: the hotline platform in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RexianApplication {

    public static void main(String[] args) {
        SpringApplication.run(RexianApplication.class, args);
    }
}
