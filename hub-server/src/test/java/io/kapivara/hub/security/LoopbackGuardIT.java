package io.kapivara.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.kapivara.hub.app.HubServerApplication;
import io.kapivara.hub.testing.TestDatabases;

/** Without tokens the hub serves loopback only, and refuses to listen anywhere else. */
class LoopbackGuardIT {

    @Test
    void refusesToListenBeyondLoopbackWithoutTokens() {
        String database = TestDatabases.freshDatabase();

        assertThatThrownBy(() -> new SpringApplicationBuilder(HubServerApplication.class)
                .run("--server.port=0", "--server.address=0.0.0.0", "--spring.datasource.url=" + database))
                .hasStackTraceContaining("refuses to listen on [0.0.0.0] without access control");
    }

    @Test
    void listensOnLoopbackWhenNoAddressIsGiven() {
        String database = TestDatabases.freshDatabase();

        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubServerApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + database)) {
            var server = (TomcatWebServer) ((WebServerApplicationContext) hub).getWebServer();
            Object address = server.getTomcat().getConnector().getProperty("address");

            assertThat(String.valueOf(address)).isIn("127.0.0.1", "/127.0.0.1", "localhost/127.0.0.1");
        }
    }
}
