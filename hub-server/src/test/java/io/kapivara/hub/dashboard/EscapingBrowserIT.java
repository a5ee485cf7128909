package io.kapivara.hub.dashboard;

import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * Event data, types and names come from untrusted sources: markup in them must show as text on
 * every page and run nowhere. Each payload would set {@code window.__xss} if the browser took it
 * for markup.
 */
class EscapingBrowserIT extends BrowserTest {

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String ATTRIBUTE = "\" onmouseover=\"window.__xss=1";
    // Needs no space, so it is a valid name, and fires by itself once parsed as markup.
    static final String IMAGE = "<img/src=x/onerror=window.__xss=1>";

    private JsonNode appendHostile(String stream) {
        String body = """
                {"events": [{"type": "%s", "data": {"html": "%s", "attr": "%s"}, "metadata": {"via": "%s"}}]}"""
                .formatted(IMAGE, SCRIPT, ATTRIBUTE.replace("\"", "\\\""), SCRIPT);
        return bus.http().post("/api/streams/" + path(stream), body).json();
    }

    private void assertNothingRan() {
        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
    }

    @Test
    void showsMarkupInEventDataAsTextOnTheStreamAndEventPages() {
        // given
        String stream = uniqueStream("xss");
        String id = appendHostile(stream).path("events").get(0).path("id").asString();

        // when / then: the stream's page
        browser.get("/streams/" + path(stream));
        String row = browser.waitForText(By.cssSelector("tr[data-event='" + id + "']"), IMAGE);
        assertThat(row).contains(SCRIPT).contains("onmouseover=\\\"window.__xss=1");
        browser.hover(By.cssSelector("tr[data-event='" + id + "'] td.data"));
        assertNothingRan();

        // when / then: the event's page
        browser.get("/events/" + id);
        assertThat(browser.waitForText(By.id("event-type"), IMAGE)).isEqualTo(IMAGE);
        assertThat(browser.find(By.id("event-data")).getText()).contains(SCRIPT)
                .contains("\"attr\" : \"\\\" onmouseover=\\\"window.__xss=1\"");
        assertThat(browser.find(By.id("event-metadata")).getText()).contains(SCRIPT);
        browser.hover(By.id("event-data"));
        assertNothingRan();

        // when / then: the stream search
        browser.get("/streams?prefix=" + path(stream));
        browser.waitForText(By.id("results"), stream);
        assertNothingRan();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void showsMarkupInOwnerNamesAsTextOnTheOwnerPagesTheOverviewAndTheAuditLog() {
        // given
        String owner = IMAGE + UUID.randomUUID().toString().substring(0, 8);
        bus.subscribe(owner, SCRIPT);
        bus.http().post("/api/owners/" + path(owner) + "/pause", "");

        // when / then
        for (String page : new String[] {"/", "/owners", "/owners/" + path(owner), "/audit"}) {
            browser.get(page);
            assertThat(browser.waitForText(By.tagName("main"), owner)).contains(owner);
            assertNothingRan();
        }
        browser.get("/owners/" + path(owner));
        assertThat(browser.waitForText(By.id("owner-subscriptions"), SCRIPT)).contains(SCRIPT);
        assertNothingRan();
    }

    @Test
    void showsMarkupInEventDataAsTextInTheLiveTail() {
        // given
        browser.get("/tail");
        browser.waitForText(By.id("tail-status"), "Live from global position");

        // when
        long position = appendHostile(uniqueStream("xss-tail")).path("events").get(0).path("globalPosition").asLong();

        // then
        By row = By.cssSelector("#tail-rows tr[data-position='" + position + "']");
        assertThat(browser.waitForText(row, IMAGE)).contains(SCRIPT).contains("onmouseover=\\\"window.__xss=1");
        browser.hover(By.cssSelector("#tail-rows tr[data-position='" + position + "'] td.data"));
        assertNothingRan();
    }
}
