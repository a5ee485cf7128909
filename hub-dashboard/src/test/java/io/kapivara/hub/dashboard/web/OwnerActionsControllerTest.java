package io.kapivara.hub.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.kapivara.hub.dashboard.RefusedException;

@WebMvcTest(OwnerActionsController.class)
@Import(FakeHub.class)
class OwnerActionsControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeHub hub;

    @BeforeEach
    void hubWithOneOwner() {
        hub.reset();
        hub.addOwner("billing", false);
    }

    private static MockHttpServletRequestBuilder action(String name) {
        return post("/owners/billing/actions/" + name).header("HX-Request", "true");
    }

    @Test
    void reassignsABucketAndFiresTheEventsThePanelsListenTo() throws Exception {
        mvc.perform(action("assign").param("bucket", "2").param("key", "node-a"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "owner-changed, audit-changed"))
                .andExpect(content().string(startsWith("<p class=\"message ok\">")))
                .andExpect(content().string(containsString("Bucket 2 of billing is now held by node-a (epoch 4)")));

        assertThat(hub.actions).containsExactly("assign billing 2 node-a by dashboard 127.0.0.1");
    }

    @Test
    void refusesABucketThatIsNotANumberWithAMessageAndDoesNothing() throws Exception {
        mvc.perform(action("assign").param("bucket", "two").param("key", "node-a"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(startsWith("<p class=\"message error\">")))
                .andExpect(content().string(containsString("A bucket is a whole number, 0 or more: [two]")))
                .andExpect(header().doesNotExist("HX-Trigger"));

        assertThat(hub.actions).isEmpty();
    }

    @Test
    void refusesAnOffsetThatIsNotANumberWithAMessageAndDoesNothing() throws Exception {
        mvc.perform(action("seek").param("bucket", "1").param("to", "offset").param("value", "12abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("An offset is a whole number, 0 or more: [12abc]")))
                .andExpect(content().string(not(containsString("<html"))));

        assertThat(hub.actions).isEmpty();
    }

    @Test
    void refusesATimeThatIsNotIso8601() throws Exception {
        mvc.perform(action("seek").param("bucket", "1").param("to", "time").param("value", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A time is ISO-8601")));

        assertThat(hub.actions).isEmpty();
    }

    @Test
    void seeksOneBucketToAnOffset() throws Exception {
        mvc.perform(action("seek").param("bucket", "1").param("to", "offset").param("value", " 42 "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bucket 1 of billing moved to checkpoint 42 (epoch 4)")));

        assertThat(hub.actions).containsExactly("seek billing 1 offset 42 by dashboard 127.0.0.1");
    }

    @Test
    void seeksEveryBucketWhenNoneIsNamedTakingATimeWithoutZoneAsUtc() throws Exception {
        mvc.perform(action("seek").param("bucket", "").param("to", "time").param("value", "2026-01-31T11:30"))
                .andExpect(status().isOk());

        assertThat(hub.actions).containsExactly("seek billing all to 2026-01-31T11:30:00Z by dashboard 127.0.0.1");
    }

    @Test
    void showsTheHubsRefusalWithItsMessage() throws Exception {
        // given
        hub.refusal = new RefusedException(RefusedException.Reason.NOT_FOUND,
                "Subscription [node-z] of owner [billing] does not exist");

        // when / then
        mvc.perform(action("assign").param("bucket", "1").param("key", "node-z"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Subscription [node-z] of owner [billing] does not exist")));
    }

    @Test
    void refusesAnActionNotSentByTheDashboardPage() throws Exception {
        mvc.perform(post("/owners/billing/actions/pause"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("htmx requests")));

        assertThat(hub.actions).isEmpty();
    }

    @Test
    void pausesResumesReleasesAndEvicts() throws Exception {
        mvc.perform(action("pause")).andExpect(status().isOk());
        mvc.perform(action("resume")).andExpect(status().isOk());
        mvc.perform(action("release").param("bucket", "3")).andExpect(status().isOk());
        mvc.perform(action("evict").param("key", "node-b")).andExpect(status().isOk());

        assertThat(hub.actions).containsExactly("pause billing by dashboard 127.0.0.1",
                "resume billing by dashboard 127.0.0.1", "release billing 3 by dashboard 127.0.0.1",
                "evict billing node-b by dashboard 127.0.0.1");
    }

    @Test
    void refusesAnEvictionWithoutAKey() throws Exception {
        mvc.perform(action("evict").param("key", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Name the subscription")));

        assertThat(hub.actions).isEmpty();
    }
}
