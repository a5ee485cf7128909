package io.kapivara.hub.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/** Points a test application context at a database of its own. */
public final class FreshDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = TestDatabases.freshDatabase();
        // Small pools: many test contexts live at once on one PostgreSQL. Placed below the test's own
        // inlined properties, so a test may still choose its pool.
        MapPropertySource test = new MapPropertySource("hub-test-database", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.hikari.maximum-pool-size", "6",
                "spring.datasource.hikari.minimum-idle", "1"));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        if (sources.contains(INLINED_TEST_PROPERTIES)) {
            sources.addAfter(INLINED_TEST_PROPERTIES, test);
        } else {
            sources.addFirst(test);
        }
    }
}
