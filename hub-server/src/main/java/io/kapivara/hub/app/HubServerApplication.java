package io.kapivara.hub.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts hub-server. */
@SpringBootApplication(scanBasePackages = "io.kapivara.hub")
@ConfigurationPropertiesScan("io.kapivara.hub")
@EnableScheduling
public class HubServerApplication {

    static void main(String[] args) {
        SpringApplication.run(HubServerApplication.class, args);
    }
}
