package io.kapivara.hub.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.kapivara.hub.dashboard.RefusedException;

class ActionInputTest {

    @Test
    void readsBucketsAndTakesAnEmptyOneOrAllAsEveryBucket() {
        assertThat(ActionInput.bucket(" 7 ")).isEqualTo(7);
        assertThat(ActionInput.bucketOrAll("")).isNull();
        assertThat(ActionInput.bucketOrAll("ALL")).isNull();
        assertThat(ActionInput.bucketOrAll("3")).isEqualTo(3);
    }

    @Test
    void refusesBucketsThatAreNotWholeNumbers() {
        for (String bad : new String[] {"-1", "1.5", "x", "", "99999999999"}) {
            assertThatThrownBy(() -> ActionInput.bucket(bad))
                    .isInstanceOfSatisfying(RefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.INVALID))
                    .hasMessageContaining("A bucket is a whole number");
        }
    }

    @Test
    void readsEachKindOfSeekTarget() {
        assertThat(ActionInput.seek("earliest", "ignored").to()).isEqualTo("earliest");
        assertThat(ActionInput.seek("latest", "").to()).isEqualTo("latest");
        assertThat(ActionInput.seek("offset", "12").to()).isEqualTo(12L);
        assertThat(ActionInput.seek("time", "2026-01-31T12:00:00+01:00").to()).isEqualTo("2026-01-31T11:00:00Z");
        assertThat(ActionInput.seek("time", "2026-01-31T12:00").to()).isEqualTo("2026-01-31T12:00:00Z");
    }

    @Test
    void refusesMalformedSeekTargetsNamingTheValue() {
        assertThatThrownBy(() -> ActionInput.seek("offset", "ten"))
                .hasMessage("An offset is a whole number, 0 or more: [ten]");
        assertThatThrownBy(() -> ActionInput.seek("offset", "-3")).hasMessageContaining("[-3]");
        assertThatThrownBy(() -> ActionInput.seek("offset", "9".repeat(30)))
                .hasMessageStartingWith("An offset is at most the bucket's head");
        assertThatThrownBy(() -> ActionInput.seek("sideways", "1")).hasMessageContaining("[sideways]");
        assertThatThrownBy(() -> ActionInput.seek("time", "12:00")).hasMessageContaining("ISO-8601");
    }
}
