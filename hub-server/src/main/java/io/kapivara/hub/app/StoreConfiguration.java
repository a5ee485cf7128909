package io.kapivara.hub.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.kapivara.hub.store.AppendService;
import io.kapivara.hub.store.BucketCount;
import io.kapivara.hub.store.BucketLayout;
import io.kapivara.hub.store.EventLog;
import io.kapivara.hub.store.EventReader;
import io.kapivara.hub.store.StoreLimits;
import io.kapivara.hub.store.StoreQueries;

/** Wires the store's use cases to their ports. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    StoreLimits storeLimits(HubSettings settings) {
        return new StoreLimits(settings.store().maxNameLength(), settings.store().maxEventsPerAppend());
    }

    @Bean
    BucketCount bucketCount(BucketLayout layout, HubSettings settings) {
        return new BucketCount(layout.establish(settings.buckets(), HubSettings.DEFAULT_BUCKETS));
    }

    @Bean(destroyMethod = "close")
    AppendService appendService(EventLog log, BucketCount buckets, StoreLimits limits, HubSettings settings) {
        HubSettings.Store store = settings.store();
        return new AppendService(log, buckets.count(), limits, new AppendService.GroupSettings(
                store.groupMaxEvents(), store.groupMaxQueued(), store.appendTimeout()));
    }

    @Bean
    StoreQueries storeQueries(EventReader reader, StoreLimits limits) {
        return new StoreQueries(reader, limits);
    }
}
