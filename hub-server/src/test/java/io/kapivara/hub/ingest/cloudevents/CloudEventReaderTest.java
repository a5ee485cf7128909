package io.kapivara.hub.ingest.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.StorableJson;

class CloudEventReaderTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final CloudEventReader reader = new CloudEventReader(new StorableJson(json));

    private CloudEvent structured(String event) {
        return reader.structured(json.readTree(event), "");
    }

    @Test
    void keepsEveryAttributeButTypeAsMetadata() {
        // when
        CloudEvent event = structured("""
                {"specversion": "1.0", "id": "e-1", "source": "urn:example:shop", "type": "order.placed",
                 "subject": "order-1", "time": "2024-05-01T10:00:00.5+02:00", "dataschema": "https://example.com/s",
                 "datacontenttype": "application/json", "partitionkey": "customer-1", "traceparent": "00-ab",
                 "retries": 3, "urgent": true, "data": {"total": 12}}
                """);

        // then
        assertThat(event.type()).isEqualTo("order.placed");
        assertThat(event.subject()).isEqualTo("order-1");
        assertThat(event.partitionKey()).isEqualTo("customer-1");
        assertThat(event.data()).isEqualTo(json.readTree("{\"total\": 12}"));
        assertThat(event.attributes()).isEqualTo(json.readTree("""
                {"specversion": "1.0", "id": "e-1", "source": "urn:example:shop", "subject": "order-1",
                 "time": "2024-05-01T10:00:00.5+02:00", "dataschema": "https://example.com/s",
                 "datacontenttype": "application/json", "partitionkey": "customer-1", "traceparent": "00-ab",
                 "retries": 3, "urgent": true}
                """));
    }

    @Test
    void keepsBase64DataAsAnObjectAndSaysSoInTheMetadata() {
        // when
        CloudEvent event = structured("""
                {"specversion": "1.0", "id": "e-1", "source": "/s", "type": "t", "data_base64": "AAEC/w=="}
                """);

        // then
        assertThat(event.data()).isEqualTo(json.readTree("{\"base64\": \"AAEC/w==\"}"));
        assertThat(event.attributes().path("data_encoding").asString()).isEqualTo("base64");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"id": "1", "source": "/s", "type": "t"}                                        | specversion
            {"specversion": "1.0", "source": "/s", "type": "t"}                             | id
            {"specversion": "1.0", "id": "1", "type": "t"}                                  | source
            {"specversion": "1.0", "id": "1", "source": "/s"}                               | type
            {"specversion": "0.3", "id": "1", "source": "/s", "type": "t"}                  | specversion
            {"specversion": 1.0, "id": "1", "source": "/s", "type": "t"}                    | specversion
            {"specversion": "1.0", "id": "", "source": "/s", "type": "t"}                   | id
            {"specversion": "1.0", "id": "1", "source": "a b", "type": "t"}                 | source
            {"specversion": "1.0", "id": "1", "source": "/s", "type": "t", "time": "today"} | time
            {"specversion": "1.0", "id": "1", "source": "/s", "type": "t", "Bad": "x"}      | Bad
            {"specversion": "1.0", "id": "1", "source": "/s", "type": "t", "ext": {}}       | ext
            {"specversion": "1.0", "id": "1", "source": "/s", "type": "t", "data_base64": "%"} | data_base64
            {"specversion": "1.0", "id": "1", "source": "/s", "type": "t", "data":1, "data_base64":"AA=="} | data_base64
            {"specversion": "1.0", "id": "1", "source": "/s", "type": "t", "datacontenttype": "json"} | datacontenttype
            """)
    void refusesABrokenEnvelopeNamingTheAttribute(String event, String attribute) {
        assertThatThrownBy(() -> structured(event))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo(attribute));
    }

    @Test
    void readsBinaryModeFromCeHeadersAndTheBody() {
        // given
        HttpHeaders headers = new HttpHeaders();
        headers.add("CE-SpecVersion", "1.0");
        headers.add("ce-id", "b-1");
        headers.add("ce-source", "/sensors/7");
        headers.add("ce-type", "reading.taken");
        headers.add("ce-note", "caf%C3%A9+50%25");
        headers.add("Content-Type", "text/plain; charset=utf-8");

        // when
        CloudEvent event = reader.binary(headers, "21 °C".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(event.source()).isEqualTo("/sensors/7");
        assertThat(event.data().asString()).isEqualTo("21 °C");
        assertThat(event.attributes().path("note").asString()).isEqualTo("café+50%");
        assertThat(event.attributes().path("datacontenttype").asString()).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void derivesTheEventIdFromSourceAndIdTogether() {
        assertThat(CloudEventMapper.eventId("/a", "1")).isEqualTo(CloudEventMapper.eventId("/a", "1"));
        assertThat(CloudEventMapper.eventId("/a", "1")).isNotEqualTo(CloudEventMapper.eventId("/b", "1"));
        assertThat(CloudEventMapper.eventId("ab", "c")).isNotEqualTo(CloudEventMapper.eventId("a", "bc"));
        assertThat(CloudEventMapper.eventId("/a", "1").version()).isEqualTo(5);
    }
}
