package io.kapivara.hub.dashboard.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import io.kapivara.hub.client.model.AuditRecord;

@WebMvcTest({AuditController.class, TailController.class})
@Import(FakeHub.class)
class AuditControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeHub hub;

    @BeforeEach
    void hubWithAudit() {
        hub.reset();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("holder", "node-a");
        before.put("epoch", 3);
        hub.audit.add(new AuditRecord(2, FakeHub.NOW, "assign", "billing", "bucket 1", before,
                Map.of("holder", "node-b"), "dashboard 127.0.0.1"));
        hub.audit.add(new AuditRecord(1, FakeHub.NOW, "pause", "shipping", "owner shipping", Map.of(),
                Map.of("paused", true), null));
    }

    @Test
    void listsOperatorActionsWithWhatChangedAndWho() throws Exception {
        mvc.perform(get("/audit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("holder=node-a, epoch=3")))
                .andExpect(content().string(containsString("holder=node-b")))
                .andExpect(content().string(containsString("dashboard 127.0.0.1")))
                .andExpect(content().string(containsString(">API</td>")));
    }

    @Test
    void showsOneOwnersEntriesAsAFragmentThatRefreshesOnActions() throws Exception {
        mvc.perform(get("/audit").param("owner", "billing").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(startsWith("<section id=\"audit\"")))
                .andExpect(content().string(containsString("audit-changed from:body")))
                .andExpect(content().string(not(containsString("owner shipping"))));
    }

    @Test
    void refusesABeforeThatIsNotANumber() throws Exception {
        mvc.perform(get("/audit").param("before", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("before is a whole number: [yesterday]")));
    }

    @Test
    void showsControlCharactersOfARefusedValueAsCodePoints() throws Exception {
        mvc.perform(get("/audit").param("before", "1\u00002"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("[1U+00002]")))
                .andExpect(content().string(not(containsString("\u0000"))));
    }

    @Test
    void servesTheLiveTailPageWithItsRowLimitAndScript() throws Exception {
        mvc.perform(get("/tail"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-max-rows=\"200\"")))
                .andExpect(content().string(containsString("src=\"/assets/tail.js\"")))
                .andExpect(content().string(containsString("any, 0 to 3")));
    }
}
