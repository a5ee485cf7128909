package io.kapivara.hub.tail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.app.HubSettings;
import io.kapivara.hub.bus.AppendSignals;
import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.store.BucketCount;
import io.kapivara.hub.store.StoreLimits;
import io.kapivara.hub.store.StoreQueries;

/** Wires the live tail and serves it at {@code /ws/tail}, to pages of the hub's own origin only. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class TailConfiguration {

    @Bean
    TailFrames tailFrames(JsonMapper mapper) {
        return new TailFrames(mapper);
    }

    @Bean(destroyMethod = "close")
    TailFeed tailFeed(StoreQueries store, BusQueries bus, AppendSignals signals, TailFrames frames,
            HubSettings settings) {
        return new TailFeed(store, bus, signals, frames, settings.tail().maxSessions());
    }

    @Bean
    TailSocketHandler tailSocketHandler(TailFeed feed, TailFrames frames, JsonMapper mapper, StoreLimits limits,
            BucketCount buckets, HubSettings settings) {
        return new TailSocketHandler(feed, frames, mapper, limits, buckets.count(), settings.tail().bufferSize(),
                settings.tail().maxSessions());
    }

    // Without allowed origins Spring accepts only pages served by the hub itself.
    @Bean
    WebSocketConfigurer tailEndpoint(TailSocketHandler handler) {
        return registry -> registry.addHandler(handler, "/ws/tail");
    }
}
