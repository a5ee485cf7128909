package io.kapivara.hub.bus;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubServerTest;

/** What {@code PUT /api/owners/{owner}} does to an existing owner's filter, as bus.md describes it. */
@HubServerTest
class OwnerPutIT {

    private static final String FILTER = "{\"filter\": {\"types\": [\"a.b\"], \"categories\": [\"order\"]}}";

    @LocalServerPort
    int port;

    BusCalls bus;

    @BeforeEach
    void client() {
        bus = new BusCalls(port);
    }

    private JsonNode put(String owner, String body) {
        return bus.http().put("/api/owners/" + path(owner), body).json().path("filter");
    }

    @Test
    void keepsTheFilterWhenTheBodyGivesNone() {
        // given
        String owner = uniqueOwner();
        put(owner, FILTER);

        // when
        JsonNode withoutFilter = put(owner, "{}");
        JsonNode nullFilter = put(owner, "{\"filter\": null}");

        // then
        assertThat(withoutFilter.path("types").get(0).asString()).isEqualTo("a.b");
        assertThat(nullFilter.path("categories").get(0).asString()).isEqualTo("order");
    }

    @Test
    void replacesTheWholeFilterTakingALeftOutListAsEmpty() {
        // given
        String owner = uniqueOwner();
        put(owner, FILTER);

        // when
        JsonNode replaced = put(owner, "{\"filter\": {\"types\": [\"c.d\"]}}");

        // then
        assertThat(replaced.path("types")).hasSize(1);
        assertThat(replaced.path("types").get(0).asString()).isEqualTo("c.d");
        assertThat(replaced.path("categories")).isEmpty();
    }

    @Test
    void clearsTheFilterWithAnEmptyFilterObject() {
        // given
        String owner = uniqueOwner();
        put(owner, FILTER);

        // when
        JsonNode cleared = put(owner, "{\"filter\": {}}");

        // then
        assertThat(cleared.path("types")).isEmpty();
        assertThat(cleared.path("categories")).isEmpty();
    }
}
