package io.kapivara.hub.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow \
            | Non-standard token 'NaN'
            Document nesting depth (501) exceeds the maximum allowed (500, from \
            `StreamReadConstraints.getMaxNestingDepth()`) \
            | Document nesting depth (501) exceeds the maximum allowed (500)
            Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since \
            Feature 'ALLOW_COMMENTS' not enabled for parser) | Unexpected character ('/' (code 47)): maybe a \
            (non-standard) comment?
            Trailing token (`JsonToken.START_OBJECT`) found after value (bound as `tools.jackson.databind.JsonNode`): \
            not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS` | Trailing token found after value
            Numeric value (99999999999) out of range of `int` (-2147483648 - 2147483647) \
            | Numeric value (99999999999) out of range of int (-2147483648 - 2147483647)
            Some new reason: see `SomeFeature.X` for more | Some new reason
            Unexpected end-of-input: expected close marker for Object | Unexpected end-of-input: expected close \
            marker for Object
            """)
    void leavesOutTheNamesOfTheParsersSettingsAndClasses(String message, String plain) {
        assertThat(ParserMessages.plain(message)).isEqualTo(plain);
    }
}
