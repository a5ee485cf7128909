package io.kapivara.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kapivara.hub.shared.InvalidRequestException;

class StoreLimitsTest {

    private final StoreLimits limits = new StoreLimits(10, 2);

    private static NewEvent event(String type) {
        return new NewEvent(UUID.randomUUID(), type, new JsonText("1"), null);
    }

    @Test
    void acceptsNamesUpToTheLimitCountedInCharacters() {
        assertThatCode(() -> limits.checkStreamName("abcdefghij")).doesNotThrowAnyException();
        assertThatCode(() -> limits.checkStreamName("🦫🦫🦫🦫🦫🦫🦫🦫🦫🦫")).doesNotThrowAnyException();
        assertThatCode(() -> limits.checkStreamName("שלום-مرحبا")).doesNotThrowAnyException();
    }

    @Test
    void refusesEmptyLongAndInvisibleNames() {
        assertThatThrownBy(() -> limits.checkStreamName("")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> limits.checkStreamName("abcdefghijk")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> limits.checkStreamName("a b")).hasMessageContaining("U+0020");
        assertThatThrownBy(() -> limits.checkStreamName("a\u00a0b")).hasMessageContaining("U+00A0");
        assertThatThrownBy(() -> limits.checkStreamName("a\u0007b")).hasMessageContaining("U+0007");
        assertThatThrownBy(() -> limits.checkStreamName("a\u202eb")).hasMessageContaining("U+202E");
        assertThatThrownBy(() -> limits.checkStreamName("a\ud800b")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void refusesStreamNamesAUrlPathCannotCarryNamingTheField() {
        for (String name : new String[] {".", "..", "a;b", ";", "a\\b"}) {
            assertThatThrownBy(() -> limits.checkStreamName("subject", name))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.field()).isEqualTo("subject");
                        assertThat(e.value()).isEqualTo(name);
                        assertThat(e.rule()).contains("URL");
                    });
        }
    }

    @Test
    void acceptsStreamNamesWithEmptySegmentsPercentAndDotsInside() {
        for (String name : new String[] {"a://x/y", "//", "100%", "a/./b", "../x", "x/..", "...", ".a"}) {
            assertThatCode(() -> limits.checkStreamName(name)).as(name).doesNotThrowAnyException();
        }
    }

    @Test
    void leavesOtherNamesFreeToHoldWhatAUrlPathCannotCarry() {
        assertThatCode(() -> limits.checkName("events[0].type", "a;b\\c")).doesNotThrowAnyException();
        assertThatCode(() -> limits.checkName("partitionKey", "..")).doesNotThrowAnyException();
    }

    @Test
    void refusesBatchesOutsideTheirBounds() {
        AppendCommand none = new AppendCommand("s", ExpectedVersion.ANY, null, List.of());
        AppendCommand three = new AppendCommand("s", ExpectedVersion.ANY, null,
                List.of(event("a"), event("b"), event("c")));

        assertThatThrownBy(() -> limits.check(none)).hasMessageContaining("at least one event");
        assertThatThrownBy(() -> limits.check(three))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.value()).isEqualTo(3));
    }

    @Test
    void namesTheEventWhoseTypeBreaksTheRule() {
        AppendCommand command = new AppendCommand("s", ExpectedVersion.ANY, null, List.of(event("ok"), event("")));

        assertThatThrownBy(() -> limits.check(command))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("events[1].type"));
    }
}
