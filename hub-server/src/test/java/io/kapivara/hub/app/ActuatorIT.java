package io.kapivara.hub.app;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubServerTest;

@HubServerTest
class ActuatorIT {

    @LocalServerPort
    int port;

    @Autowired
    HubMetrics metrics;

    @Test
    void reportsHealthWithTheDatabase() {
        JsonNode health = new BusCalls(port).http().get("/actuator/health").json();

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesAppendFetchCommitLeaseAndLagMetricsToPrometheus() {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        bus.append(uniqueStream("metric"), "measured");
        bus.subscribe(owner, "k");
        bus.fetch(owner, "k", 10, 0, null);

        metrics.sample();
        String scrape = bus.http().get("/actuator/prometheus").body();

        assertThat(scrape).contains("hub_appended_events_total");
        assertThat(scrape).contains("hub_append_groups_total");
        assertThat(scrape).contains("hub_fetched_events_total");
        assertThat(scrape).contains("hub_fetches_waiting");
        assertThat(scrape).contains("hub_lease_changes_total{application=\"hub-server\",owner=\"" + owner + "\"}");
        assertThat(scrape)
                .contains("hub_owner_lag_events{application=\"hub-server\",bucket=\"0\",owner=\"" + owner + "\"}");
        assertThat(scrape).contains("hub_commits_total");
        assertThat(scrape).contains("hub_bucket_head");
    }
}
