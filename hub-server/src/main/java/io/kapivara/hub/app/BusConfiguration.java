package io.kapivara.hub.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.kapivara.hub.bus.AppendSignals;
import io.kapivara.hub.bus.BucketReader;
import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.bus.BusSettings;
import io.kapivara.hub.bus.BusStore;
import io.kapivara.hub.bus.CommitService;
import io.kapivara.hub.bus.FetchService;
import io.kapivara.hub.bus.MembershipService;
import io.kapivara.hub.bus.OperatorService;
import io.kapivara.hub.bus.OwnerService;
import io.kapivara.hub.store.BucketCount;
import io.kapivara.hub.store.EventReader;
import io.kapivara.hub.store.StoreLimits;

/** Wires the bus's use cases to their ports. */
@Configuration(proxyBeanMethods = false)
class BusConfiguration {

    @Bean
    BusSettings busSettings(HubSettings settings) {
        HubSettings.Bus bus = settings.bus();
        return new BusSettings(bus.leaseTtl(), bus.maxWait(), bus.maxFetchLimit(), bus.maxWaitingPolls());
    }

    @Bean
    OwnerService ownerService(BusStore store, StoreLimits limits) {
        return new OwnerService(store, limits);
    }

    @Bean
    MembershipService membershipService(BusStore store, BusSettings settings, StoreLimits limits) {
        return new MembershipService(store, settings, limits);
    }

    @Bean
    FetchService fetchService(BusStore store, BucketReader reader, AppendSignals signals, BusSettings settings) {
        return new FetchService(store, reader, signals, settings);
    }

    @Bean
    CommitService commitService(BusStore store, BucketCount buckets) {
        return new CommitService(store, buckets);
    }

    @Bean
    OperatorService operatorService(BusStore store, BucketCount buckets) {
        return new OperatorService(store, buckets);
    }

    @Bean
    BusQueries busQueries(BusStore store, BucketReader reader, EventReader events, BucketCount buckets,
            StoreLimits limits) {
        return new BusQueries(store, reader, events, buckets, limits);
    }
}
