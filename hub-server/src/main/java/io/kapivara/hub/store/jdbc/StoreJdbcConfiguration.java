package io.kapivara.hub.store.jdbc;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.kapivara.hub.store.BucketLayout;
import io.kapivara.hub.store.EventLog;
import io.kapivara.hub.store.EventReader;

/** Wires the store's PostgreSQL adapter to its ports. */
@Configuration(proxyBeanMethods = false)
public class StoreJdbcConfiguration {

    @Bean
    EventLog eventLog(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        return new JdbcEventLog(jdbc, transactions, meters);
    }

    @Bean
    EventReader eventReader(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcEventReader(jdbc, transactions);
    }

    @Bean
    BucketLayout bucketLayout(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcBucketLayout(jdbc, transactions);
    }
}
