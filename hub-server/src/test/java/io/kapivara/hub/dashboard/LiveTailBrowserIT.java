package io.kapivara.hub.dashboard;

import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class LiveTailBrowserIT extends BrowserTest {

    private void openTail() {
        browser.get("/tail");
        browser.waitForText(By.id("tail-status"), "Live from global position");
    }

    private void filter(String field, String value) {
        WebElement input = browser.find(By.cssSelector("#tail-filters [name=" + field + "]"));
        input.clear();
        input.sendKeys(value);
        browser.find(By.cssSelector("#tail-filters button[type=submit]")).click();
    }

    @Test
    void showsAnEventAppendedAfterThePageOpened() {
        // given
        openTail();
        String stream = uniqueStream("tailed");

        // when
        long position = bus.append(stream, "tail.seen").path("events").get(0).path("globalPosition").asLong();

        // then
        By row = By.cssSelector("#tail-rows tr[data-position='" + position + "']");
        browser.waitForText(row, stream);
        assertThat(browser.find(row).getText()).contains("tail.seen");
        assertThat(browser.find(By.id("tail-count")).getText()).startsWith("1 event shown");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void showsOnlyTheEventsItsFilterLetsThrough() {
        // given
        openTail();
        String wanted = uniqueStream("wanted");
        String other = uniqueStream("other");
        filter("stream", wanted);
        browser.waitForText(By.id("tail-status"), "stream " + wanted);

        // when: the other stream's event comes first, so it would show before the wanted one
        bus.append(other, "tail.other");
        bus.append(wanted, "tail.wanted");

        // then
        browser.waitForText(By.id("tail-rows"), wanted);
        assertThat(browser.find(By.id("tail-rows")).getText()).doesNotContain(other);
    }

    @Test
    void countsTheEventsThatArriveWhilePausedAndShowsTheCount() {
        // given
        openTail();
        String stream = uniqueStream("paused");
        filter("stream", stream);
        browser.waitForText(By.id("tail-status"), "stream " + stream);

        // when
        browser.find(By.id("tail-pause")).click();
        browser.waitForText(By.id("tail-status"), "Paused");
        bus.append(stream, "tail.missed");
        bus.append(stream, "tail.missed");
        browser.find(By.id("tail-pause")).click();
        browser.waitForText(By.id("tail-status"), "Live again");
        bus.append(stream, "tail.after");

        // then
        browser.waitForText(By.id("tail-rows"), "tail.after");
        String rows = browser.find(By.id("tail-rows")).getText();
        assertThat(rows).contains("2 events skipped: they arrived while the tail was paused");
        assertThat(rows).doesNotContain("tail.missed");
    }

    @Test
    void saysWhyTheHubRefusesABadFilter() {
        // given
        openTail();

        // when
        filter("bucket", "9999");

        // then
        String status = browser.waitForText(By.id("tail-status"), "Refused");
        assertThat(status).contains("A bucket is a whole number, 0 to 15");
    }
}
