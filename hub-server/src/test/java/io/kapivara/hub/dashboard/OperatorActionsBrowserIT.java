package io.kapivara.hub.dashboard;

import static io.kapivara.hub.testing.BusCalls.buckets;
import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

class OperatorActionsBrowserIT extends BrowserTest {

    private JsonNode audit(String owner) {
        return bus.http().get("/api/audit?owner=" + path(owner)).json().path("entries");
    }

    private void openOwner(String owner) {
        browser.get("/owners/" + path(owner));
        browser.find(By.id("owner-buckets"));
        browser.script("window.__samePage = true");
    }

    private static void fill(WebElement form, String field, String value) {
        WebElement input = form.findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void forceReassignFromThePageMovesTheBucketAndWritesTheAuditLog() {
        // given
        String owner = uniqueOwner();
        bus.subscribe(owner, "node-a");
        bus.subscribe(owner, "node-b");
        int bucket = buckets(bus.heartbeat(owner, "node-a").json()).getFirst();
        openOwner(owner);

        // when
        WebElement form = browser.find(By.id("assign-form"));
        fill(form, "bucket", Integer.toString(bucket));
        fill(form, "key", "node-b");
        bus.heartbeat(owner, "node-b");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        Alert confirm = browser.alert();
        String question = confirm.getText();
        confirm.accept();

        // then
        assertThat(question).isEqualTo("Force-reassign bucket " + bucket + " of " + owner
                + " to subscription node-b? Its current holder loses the lease at once.");
        browser.waitForText(By.cssSelector("#flash .message.ok"), "is now held by node-b");
        browser.waitForText(By.cssSelector("#bucket-" + bucket + " .holder"), "node-b");
        browser.waitForText(By.id("audit"), "assign");
        assertThat(browser.script("return window.__samePage")).isEqualTo(true);

        JsonNode state = bus.owner(owner).path("buckets").get(bucket);
        assertThat(state.path("holder").asString()).isEqualTo("node-b");
        assertThat(state.path("pinned").asBoolean()).isTrue();
        JsonNode entry = audit(owner).get(0);
        assertThat(entry.path("action").asString()).isEqualTo("assign");
        assertThat(entry.path("target").asString()).isEqualTo("bucket " + bucket);
        assertThat(entry.path("before").path("holder").asString()).isEqualTo("node-a");
        assertThat(entry.path("after").path("holder").asString()).isEqualTo("node-b");
        assertThat(entry.path("actor").asString()).startsWith("dashboard ");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void showsWhyASeekToAnOffsetThatIsNoNumberIsRefusedAndChangesNothing() {
        // given
        String owner = uniqueOwner();
        bus.subscribe(owner, "node-a");
        openOwner(owner);

        // when
        WebElement form = browser.find(By.id("seek-form"));
        fill(form, "bucket", "0");
        fill(form, "value", "12abc");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.alert().accept();

        // then
        String message = browser.waitForText(By.cssSelector("#flash .message.error"), "An offset is a whole number");
        assertThat(message).isEqualTo("An offset is a whole number, 0 or more: [12abc]");
        assertThat(browser.script("return window.__samePage")).isEqualTo(true);
        assertThat(audit(owner)).isEmpty();
    }

    @Test
    void doesNothingWhenTheOperatorDoesNotConfirm() {
        // given
        String owner = uniqueOwner();
        bus.subscribe(owner, "node-a");
        openOwner(owner);

        // when
        browser.find(By.id("pause-owner")).click();
        browser.alert().dismiss();

        // then
        assertThat(bus.owner(owner).path("paused").asBoolean()).isFalse();
        assertThat(audit(owner)).isEmpty();
    }

    @Test
    void pausesAndResumesAnOwnerAndItsStateFollowsInThePage() {
        // given
        String owner = uniqueOwner();
        bus.subscribe(owner, "node-a");
        openOwner(owner);

        // when
        browser.find(By.id("pause-owner")).click();
        browser.alert().accept();
        browser.waitForText(By.id("owner-state"), "paused");
        boolean pausedThen = bus.owner(owner).path("paused").asBoolean();
        browser.find(By.id("resume-owner")).click();
        browser.alert().accept();

        // then
        browser.waitForText(By.id("owner-state"), "running");
        assertThat(pausedThen).isTrue();
        assertThat(bus.owner(owner).path("paused").asBoolean()).isFalse();
        assertThat(audit(owner)).extracting(entry -> entry.path("action").asString())
                .containsExactly("resume", "pause");
    }
}
