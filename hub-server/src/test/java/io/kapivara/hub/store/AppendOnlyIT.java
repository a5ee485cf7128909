package io.kapivara.hub.store;

import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

@HubServerTest
class AppendOnlyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void databaseRefusesToUpdateOrDeleteAnEvent() {
        String stream = uniqueStream("immutable");
        new HubHttp(port).post("/api/streams/" + path(stream), "{\"events\": [{\"type\": \"a\", \"data\": 1}]}");

        assertThatThrownBy(() -> jdbc.update("UPDATE events SET data = '2'::jsonb WHERE stream = ?", stream))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM events WHERE stream = ?", stream))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE events CASCADE"))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT data::text FROM events WHERE stream = ?", String.class, stream))
                .isEqualTo("1");
    }

    @Test
    void keepsPositionsBeyondThe32BitRange() {
        long beyond = 5_000_000_000L;
        jdbc.update("UPDATE store_head SET global_position = greatest(global_position, ?)", beyond);
        String stream = uniqueStream("wide");
        HubHttp http = new HubHttp(port);

        long position = http.post("/api/streams/" + path(stream), "{\"events\": [{\"type\": \"a\", \"data\": 1}]}")
                .json().path("events").get(0).path("globalPosition").asLong();

        assertThat(position).isGreaterThan(beyond);
        assertThat(http.get("/api/events?after=" + (position - 1) + "&limit=1").json()
                .path("events").get(0).path("stream").asString()).isEqualTo(stream);
    }
}
