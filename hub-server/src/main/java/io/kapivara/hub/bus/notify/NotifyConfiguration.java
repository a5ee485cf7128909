package io.kapivara.hub.bus.notify;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the wake-up adapter: one listening connection per node, in-memory signals for waiters. */
@Configuration(proxyBeanMethods = false)
public class NotifyConfiguration {

    @Bean
    BucketSignals bucketSignals() {
        return new BucketSignals();
    }

    @Bean(destroyMethod = "close")
    AppendListener appendListener(DataSource dataSource, BucketSignals signals) {
        return new AppendListener(dataSource, signals);
    }
}
