package io.kapivara.hub.dashboard.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OverviewController.class)
@Import(FakeHub.class)
class OverviewControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeHub hub;

    @BeforeEach
    void emptyHub() {
        hub.reset();
    }

    @Test
    void servesTheWholeOverviewToAPlainRequest() throws Exception {
        // given
        hub.addEvent("order-1", "order.placed", "{}");
        hub.addEvent("order-1", "order.paid", "{}");
        hub.addOwner("billing", false);

        // when / then
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<!DOCTYPE html>")))
                .andExpect(content().string(containsString("<dd id=\"total-events\">2</dd>")))
                .andExpect(content().string(containsString("<dd id=\"total-streams\">1</dd>")))
                .andExpect(content().string(containsString("id=\"rate\"")))
                .andExpect(content().string(containsString("id=\"buckets\"")))
                .andExpect(content().string(containsString("id=\"lag\"")));
    }

    @Test
    void servesOnlyThePanelToAnHtmxRequest() throws Exception {
        // given
        hub.addEvent("order-1", "order.placed", "{}");

        // when / then
        mvc.perform(get("/overview/totals").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(startsWith("<section id=\"totals\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 2s\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void servesAPanelInTheLayoutToAPlainRequestOfItsUrl() throws Exception {
        mvc.perform(get("/overview/buckets"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("id=\"buckets\"")))
                .andExpect(content().string(containsString("data-bucket=\"3\"")))
                .andExpect(content().string(not(containsString("id=\"totals\""))));
    }

    @Test
    void servesTheWholePageWhenHtmxRestoresHistory() throws Exception {
        mvc.perform(get("/overview/totals").header("HX-Request", "true").header("HX-History-Restore-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void colorsEachCellOfTheLagHeatMapByTheOwnersLagInThatBucket() throws Exception {
        // given: lag 0, 10, 20 and 30 in buckets 0 to 3
        hub.addOwner("billing", false);

        // when / then
        mvc.perform(get("/overview/lag").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"cell lag-0\"")))
                .andExpect(content().string(containsString("class=\"cell lag-2\"")))
                .andExpect(content().string(containsString("billing, bucket 3: lag 30 events")))
                .andExpect(content().string(containsString("href=\"/owners/billing\"")));
    }

    @Test
    void saysSoWhenThereAreNoOwners() throws Exception {
        mvc.perform(get("/overview/lag").header("HX-Request", "true"))
                .andExpect(content().string(containsString("No owners yet")));
    }

    @Test
    void drawsTheAppendRateFromTheCountsPerMinute() throws Exception {
        mvc.perform(get("/overview/rate").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-y=\"0,1,2,3,")))
                .andExpect(content().string(containsString("<strong id=\"last-minute\">28</strong>")));
    }

    @Test
    void sendsEveryPageWithAStrictContentSecurityPolicyAndNoCaching() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Vary", containsString("HX-Request")));
    }
}
