package io.kapivara.hub.dashboard;

import static io.kapivara.hub.testing.BusCalls.buckets;
import static io.kapivara.hub.testing.HubHttp.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.Browser;
import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubServerTest;

/**
 * Takes a screenshot of every dashboard page, 1280 by 800, on a hub of its own (a fresh database)
 * filled with a few owners and streams. They go to {@code target/screenshots}, or to the directory
 * named by {@code -Dhub.screenshots.dir} (docs/screenshots is made this way; see docs/dashboard.md).
 * Lag is sampled every half second here, so the owner's lag chart has a shape after a few seconds.
 */
@HubServerTest
@TestPropertySource(properties = "hub.dashboard.lag-sample-interval=500ms")
class ScreenshotsBrowserIT {

    static Browser browser;
    static Path directory;

    @LocalServerPort
    int port;

    @BeforeAll
    static void directory() throws IOException {
        String named = System.getProperty("hub.screenshots.dir");
        directory = Files.createDirectories(Path.of(named == null || named.isBlank() ? "target/screenshots" : named));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void takesAScreenshotOfEveryPage() throws InterruptedException {
        // given
        BusCalls bus = new BusCalls(port);
        Activity activity = new Activity(bus);
        String eventId = activity.run();
        Thread heartbeats = Thread.ofVirtual().start(activity::keepAliveUntilInterrupted);
        browser = Browser.open(port);
        pauseFromThePage("shipping");

        // when
        List<String> taken = new ArrayList<>();
        taken.add(shoot("/", "overview.png", By.cssSelector("#rate .uplot")));
        taken.add(shoot("/owners", "owners.png", By.id("owners")));
        taken.add(shoot("/owners/billing", "owner.png", By.cssSelector("#owner-lag .uplot")));
        taken.add(shoot("/streams?prefix=order-", "streams.png", By.id("results")));
        taken.add(shoot("/streams/order-1003", "stream.png", By.id("events")));
        taken.add(shoot("/events/" + eventId, "event.png", By.id("event-data")));
        taken.add(shoot("/audit", "audit.png", By.id("audit")));
        taken.add(tail(bus));
        browser.viewport(390, 844);
        taken.add(shoot("/", "overview-phone.png", By.cssSelector("#rate .uplot")));
        taken.add(shoot("/owners/billing", "owner-phone.png", By.id("owner-buckets")));
        heartbeats.interrupt();

        // then
        for (String file : taken) {
            assertThat(directory.resolve(file)).isNotEmptyFile();
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void pauseFromThePage(String owner) {
        browser.get("/owners/" + owner);
        browser.find(By.id("pause-owner")).click();
        browser.alert().accept();
        browser.waitForText(By.id("owner-state"), "paused");
    }

    private String shoot(String page, String file, By ready) throws InterruptedException {
        browser.get(page);
        browser.find(ready);
        // Lets web fonts and the chart settle.
        Thread.sleep(300);
        browser.screenshot(directory.resolve(file));
        return file;
    }

    private String tail(BusCalls bus) throws InterruptedException {
        browser.get("/tail");
        browser.waitForText(By.id("tail-status"), "Live from");
        for (int i = 0; i < 9; i++) {
            bus.http().post("/api/streams/order-" + (1020 + i % 4), """
                    {"events": [{"type": "order.placed", "data": {"total": %d.5, "lines": %d}}]}"""
                    .formatted(20 + i * 7, 1 + i % 3));
            Thread.sleep(120);
        }
        browser.waitForText(By.id("tail-count"), "9 events shown");
        browser.screenshot(directory.resolve("tail.png"));
        return "tail.png";
    }

    /**
     * What the screenshots show: three owners reading a shop's order streams; an operator moved a
     * bucket and rewound one owner over the API, and pauses another from its page.
     */
    private record Activity(BusCalls bus) {

        String run() throws InterruptedException {
            String eventId = orders(1001, 1012);
            bus.http().put("/api/owners/billing", "{\"startFrom\": \"earliest\"}");
            bus.http().put("/api/owners/shipping",
                    "{\"startFrom\": \"earliest\", \"filter\": {\"types\": [\"order.paid\"]}}");
            bus.http().put("/api/owners/analytics", "{\"startFrom\": \"earliest\"}");
            bus.subscribe("billing", "billing-7f9c");
            bus.subscribe("billing", "billing-2b41");
            bus.subscribe("shipping", "shipping-01");
            for (int round = 0; round < 14; round++) {
                orders(1013 + round, 1013 + round);
                keepAlive();
                if (round % 2 == 0) {
                    commitSome("billing", "billing-7f9c");
                    commitSome("billing", "billing-2b41");
                }
                Thread.sleep(500);
            }
            operate();
            return eventId;
        }

        private void operate() {
            int bucket = buckets(bus.heartbeat("billing", "billing-7f9c").json()).getFirst();
            bus.http().post("/api/owners/billing/buckets/" + bucket + "/assign", "{\"key\": \"billing-2b41\"}");
            bus.http().post("/api/owners/analytics/seek", "{\"to\": \"earliest\"}");
        }

        void keepAliveUntilInterrupted() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    keepAlive();
                    Thread.sleep(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void keepAlive() {
            bus.heartbeatOrJoin("billing", "billing-7f9c");
            bus.heartbeatOrJoin("billing", "billing-2b41");
            bus.heartbeatOrJoin("shipping", "shipping-01");
        }

        private void commitSome(String owner, String key) {
            JsonNode fetched = bus.fetch(owner, key, 6, 0, null).json();
            for (JsonNode position : fetched.path("positions")) {
                bus.commit(owner, key, position.path("bucket").asInt(), position.path("offset").asLong(),
                        position.path("epoch").asLong());
            }
        }

        /** Places and pays orders {@code from} to {@code to}; returns the id of the first event. */
        private String orders(int from, int to) {
            String first = null;
            for (int order = from; order <= to; order++) {
                JsonNode appended = bus.http().post("/api/streams/" + path("order-" + order), """
                        {"events": [
                          {"type": "order.placed", "data": {"customer": "c-%d", "total": %d.90,
                           "lines": [{"sku": "KAP-%d", "quantity": 2}, {"sku": "KAP-17", "quantity": 1}]},
                           "metadata": {"source": "web-shop", "correlationId": "req-%d"}},
                          {"type": "order.paid", "data": {"amount": %d.90, "method": "card"}}]}"""
                        .formatted(order % 97, order % 50 + 10, order % 13, order, order % 50 + 10)).json();
                first = first == null ? appended.path("events").get(0).path("id").asString() : first;
            }
            return first;
        }
    }
}
