package io.kapivara.hub.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class ExpectedVersionTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    static Stream<Arguments> wireForms() {
        return Stream.of(
                Arguments.of(ExpectedVersion.ANY, "\"any\""),
                Arguments.of(ExpectedVersion.NO_STREAM, "\"no_stream\""),
                Arguments.of(ExpectedVersion.EXISTS, "\"exists\""),
                Arguments.of(ExpectedVersion.exactly(0), "0"),
                Arguments.of(ExpectedVersion.exactly(41), "41"),
                Arguments.of(ExpectedVersion.exactly(Long.MAX_VALUE), String.valueOf(Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("wireForms")
    void writesItsWireFormAndReadsItBack(ExpectedVersion expected, String json) {
        // when
        String written = mapper.writeValueAsString(expected);
        ExpectedVersion read = mapper.readValue(written, ExpectedVersion.class);

        // then
        assertThat(written).isEqualTo(json);
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void travelsInsideAnAppendRequest() {
        // given
        var request = new AppendRequest(ExpectedVersion.exactly(3), "key",
                List.of(new EventData(null, "a", JsonNodeFactory.instance.numberNode(1), null)));

        // when
        String json = mapper.writeValueAsString(request);
        AppendRequest read = mapper.readValue(json, AppendRequest.class);

        // then
        assertThat(json).contains("\"expectedVersion\":3");
        assertThat(read.expectedVersion()).isEqualTo(ExpectedVersion.exactly(3));
        assertThat(read.expectedVersion().isExact()).isTrue();
    }

    @Test
    void refusesUnknownKeywordsAndNegativeVersions() {
        assertThatThrownBy(() -> mapper.readValue("\"sometimes\"", ExpectedVersion.class))
                .isInstanceOf(ValueInstantiationException.class).hasMessageContaining("sometimes");
        assertThatThrownBy(() -> ExpectedVersion.exactly(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[-1]");
    }
}
