package io.kapivara.hub.dashboard;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

class OverviewBrowserIT extends BrowserTest {

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private JsonNode appendThree(String stream) {
        return bus.http().post("/api/streams/" + path(stream), """
                {"events": [{"type": "seen.one", "data": {}}, {"type": "seen.two", "data": {}},
                            {"type": "seen.three", "data": {}}]}""").json();
    }

    @Test
    void showsTheStoreTotalsAndTheBucketHeadsOfRealEvents() {
        // given
        JsonNode appended = appendThree(uniqueStream("overview"));
        long last = appended.path("events").get(2).path("globalPosition").asLong();
        int bucket = appended.path("bucket").asInt();
        long head = bus.http().get("/api/buckets").json().path("buckets").get(bucket).path("head").asLong();

        // when
        browser.get("/");

        // then
        assertThat(browser.waitForText(By.id("total-events"), count(last))).isEqualTo(count(last));
        String cell = browser.waitForText(By.cssSelector("li[data-bucket='" + bucket + "'] .bucket-head"), count(head));
        assertThat(cell).isEqualTo(count(head));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void refreshesItsPanelsWithoutReloadingThePage() {
        // given
        String stream = uniqueStream("refresh");
        appendThree(stream);
        browser.get("/");
        browser.script("window.__samePage = true");

        // when
        long last = appendThree(stream).path("events").get(2).path("globalPosition").asLong();

        // then
        assertThat(browser.waitForText(By.id("total-events"), count(last))).isEqualTo(count(last));
        assertThat(browser.script("return window.__samePage")).isEqualTo(true);
    }

    @Test
    void showsEveryOwnerInTheLagHeatMapWithItsLagPerBucket() {
        // given: an owner reading from the start, behind the events just appended
        String owner = uniqueOwner();
        bus.subscribe(owner, "node-a");
        JsonNode appended = appendThree(uniqueStream("lagging"));
        int bucket = appended.path("bucket").asInt();
        long lag = bus.owner(owner).path("buckets").get(bucket).path("lag").asLong();

        // when
        browser.get("/");

        // then
        browser.waitForText(By.id("lag"), owner);
        By row = By.xpath("//section[@id='lag']//tr[th/a[text()='" + owner + "']]/td[" + (bucket + 1) + "]");
        assertThat(browser.find(row).getAttribute("title"))
                .startsWith(owner + ", bucket " + bucket + ": lag " + lag + " events, oldest pending ");
        assertThat(browser.find(row).getAttribute("class")).startsWith("cell lag-");
    }
}
