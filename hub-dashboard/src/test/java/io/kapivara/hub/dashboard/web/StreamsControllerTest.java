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

import io.kapivara.hub.client.model.RecordedEvent;

@WebMvcTest(StreamsController.class)
@Import(FakeHub.class)
class StreamsControllerTest {

    private static final String SCRIPT = "<script>window.__xss=1</script>";
    private static final String ATTRIBUTE = "\\\" onmouseover=\\\"window.__xss=1";

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeHub hub;

    @BeforeEach
    void emptyHub() {
        hub.reset();
    }

    @Test
    void findsStreamsByPrefix() throws Exception {
        // given
        hub.addEvent("order-1", "order.placed", "{}");
        hub.addEvent("order-2", "order.placed", "{}");
        hub.addEvent("customer-1", "customer.created", "{}");

        // when / then
        mvc.perform(get("/streams").param("prefix", "order-"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/streams/order-1\"")))
                .andExpect(content().string(containsString("href=\"/streams/order-2\"")))
                .andExpect(content().string(not(containsString("customer-1"))));
    }

    @Test
    void answersASearchFromTheSearchBoxWithTheResultsOnly() throws Exception {
        mvc.perform(get("/streams").param("prefix", "nothing-").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(startsWith("<section id=\"results\"")))
                .andExpect(content().string(containsString("No stream name starts with “nothing-”.")));
    }

    @Test
    void pagesThroughTheEventsOfAStream() throws Exception {
        // given
        for (int i = 0; i < 120; i++) {
            hub.addEvent("order-9", "order.step", "{\"n\": " + i + "}");
        }

        // when / then
        mvc.perform(get("/streams/order-9").param("from", "50"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Versions 50 to 99")))
                .andExpect(content().string(containsString("href=\"/streams/order-9?from=100\">Next")))
                .andExpect(content().string(containsString("href=\"/streams/order-9?from=0\">Previous")))
                .andExpect(content().string(containsString("href=\"/streams/order-9?from=70\">Last")));
    }

    @Test
    void showsAnEventWithItsDataPrettyPrinted() throws Exception {
        // given
        RecordedEvent event = hub.addEvent("order-1", "order.placed", "{\"total\": 12.5, \"items\": [1, 2]}");

        // when / then
        mvc.perform(get("/events/" + event.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(
                        containsString("<pre class=\"json\" id=\"event-data\">{\n  &quot;total&quot; : 12.5,")))
                .andExpect(content().string(containsString("<p class=\"empty\">None.</p>")));
    }

    @Test
    void showsMarkupInEventDataAndTypesAsTextOnTheStreamAndEventPages() throws Exception {
        // given
        String data = "{\"html\": \"" + SCRIPT.replace("/", "\\/") + "\", \"attr\": \"" + ATTRIBUTE + "\"}";
        RecordedEvent event = hub.addEvent("evil-1", "x.<b>bold</b>", data);

        // when / then
        for (String page : new String[] {"/streams/evil-1", "/events/" + event.id()}) {
            mvc.perform(get(page))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("&lt;script&gt;window.__xss=1&lt;/script&gt;")))
                    .andExpect(content().string(containsString("x.&lt;b&gt;bold&lt;/b&gt;")))
                    .andExpect(content().string(not(containsString(SCRIPT))))
                    .andExpect(content().string(not(containsString("\" onmouseover="))))
                    .andExpect(content().string(not(containsString("<b>bold"))));
        }
    }

    @Test
    void refusesAMalformedEventIdWithAPageSayingSo() throws Exception {
        mvc.perform(get("/events/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("An event id is a UUID")));
    }

    @Test
    void refusesAnEventIdThatIsNotInTheCanonicalForm() throws Exception {
        mvc.perform(get("/events/1-1-1-1-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("An event id is a UUID")));
    }

    @Test
    void answersAStreamWithoutEventsWith404() throws Exception {
        mvc.perform(get("/streams/ghost-1"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Stream [ghost-1] has no events")));
    }

    @Test
    void refusesAVersionThatIsNotANumber() throws Exception {
        hub.addEvent("order-1", "order.placed", "{}");

        mvc.perform(get("/streams/order-1").param("from", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A version is a whole number, 0 or more: [-1]")));
    }
}
