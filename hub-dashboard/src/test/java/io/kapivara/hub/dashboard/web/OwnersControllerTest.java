package io.kapivara.hub.dashboard.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OwnersController.class)
@Import(FakeHub.class)
class OwnersControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeHub hub;

    @BeforeEach
    void emptyHub() {
        hub.reset();
    }

    @Test
    void listsOwnersWithStateLagAndSubscriptions() throws Exception {
        // given
        hub.addOwner("billing", false);
        hub.addOwner("shipping", true);

        // when / then
        mvc.perform(get("/owners"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/owners/billing\"")))
                .andExpect(content().string(containsString(">paused</span>")))
                .andExpect(content().string(containsString(">running</span>")))
                .andExpect(content().string(containsString("60 events")))
                .andExpect(content().string(containsString("2 live of 2")))
                .andExpect(content().string(containsString("4 of 4")));
    }

    @Test
    void showsEachBucketOfAnOwnerWithHolderEpochAndLease() throws Exception {
        // given
        hub.addOwner("billing", false);

        // when / then
        mvc.perform(get("/owners/billing"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"bucket-3\"")))
                .andExpect(content().string(containsString("<span class=\"key\">node-b</span>")))
                .andExpect(content().string(containsString(">pinned</span>")))
                .andExpect(content().string(containsString("id=\"assign-form\"")))
                .andExpect(content().string(containsString("<option value=\"node-a\"></option>")))
                .andExpect(content().string(containsString("data-x=\"1769860790.000,1769860795.000,1769860800.000\"")))
                .andExpect(content().string(containsString("data-y2=\"4.5,3.5,3.0\"")))
                .andExpect(content().string(containsString("<td>2026-01-31 11:59:50 UTC</td>")));
    }

    @Test
    void refreshesTheBucketsPanelAloneForHtmxAndOnOperatorActions() throws Exception {
        // given
        hub.addOwner("billing", false);

        // when / then
        mvc.perform(get("/owners/billing/buckets").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(startsWith("<section id=\"owner-buckets\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 2s, owner-changed from:body\"")))
                .andExpect(content().string(not(containsString("id=\"owner-subscriptions\""))));
    }

    @Test
    void answersAnUnknownOwnerWithAPageSayingSo() throws Exception {
        mvc.perform(get("/owners/nobody"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Owner [nobody] does not exist")));
    }

    @Test
    void answersAnHtmxRefreshOfAnUnknownOwnerWithAMessageOnly() throws Exception {
        mvc.perform(get("/owners/nobody/summary").header("HX-Request", "true"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(startsWith("<p class=\"message error\">")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void encodesAnOwnerNameInEveryLinkAndAction() throws Exception {
        // given
        hub.addOwner("team/app?x=1", false);

        // when / then
        mvc.perform(get("/owners"))
                .andExpect(content().string(containsString("href=\"/owners/team%2Fapp%3Fx=1\"")));
    }
}
