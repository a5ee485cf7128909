package io.kapivara.hub.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test application context at a database of its own. */
public final class FreshDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = TestDatabases.freshDatabase();
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("hub-test-database", Map.of("spring.datasource.url", url)));
    }
}
