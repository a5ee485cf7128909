package io.kapivara.hub.bus.jdbc;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.bus.BucketReader;
import io.kapivara.hub.bus.BusStore;

/** Wires the bus's PostgreSQL adapter to its ports. */
@Configuration(proxyBeanMethods = false)
public class BusJdbcConfiguration {

    @Bean
    BusStore busStore(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, MeterRegistry meters) {
        return new JdbcBusStore(jdbc, transactions, json, meters);
    }

    @Bean
    BucketReader bucketReader(JdbcTemplate jdbc) {
        return new JdbcBucketReader(jdbc);
    }
}
