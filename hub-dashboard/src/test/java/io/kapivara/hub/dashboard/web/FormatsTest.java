package io.kapivara.hub.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats formats = new Formats(Clock.fixed(FakeHub.NOW, ZoneOffset.UTC));

    @Test
    void writesDurationsInTheTwoLargestUnitsThatMatter() {
        assertThat(formats.seconds(0)).isEqualTo("0 s");
        assertThat(formats.seconds(4.25)).isEqualTo("4.3 s");
        assertThat(formats.seconds(42)).isEqualTo("42 s");
        assertThat(formats.seconds(192)).isEqualTo("3 min 12 s");
        assertThat(formats.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(formats.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(formats.duration(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(formats.duration(Duration.ofMillis(500))).isEqualTo("500 ms");
    }

    @Test
    void writesTimesInUtcAndRelativeToNow() {
        assertThat(formats.time(FakeHub.NOW)).isEqualTo("2026-01-31 12:00:00 UTC");
        assertThat(formats.time(null)).isEqualTo("—");
        assertThat(formats.ago(FakeHub.NOW.minusSeconds(12))).isEqualTo("12 s ago");
        assertThat(formats.ago(null)).isEqualTo("never");
        assertThat(formats.until(FakeHub.NOW.plusSeconds(8))).isEqualTo("in 8 s");
        assertThat(formats.until(FakeHub.NOW.minusSeconds(3))).isEqualTo("3 s ago");
    }

    @Test
    void putsLagsIntoLevelsByOrderOfMagnitude() {
        assertThat(formats.lagLevel(0)).isEqualTo("lag-0");
        assertThat(formats.lagLevel(9)).isEqualTo("lag-1");
        assertThat(formats.lagLevel(10)).isEqualTo("lag-2");
        assertThat(formats.lagLevel(999)).isEqualTo("lag-3");
        assertThat(formats.lagLevel(1_000)).isEqualTo("lag-4");
        assertThat(formats.lagLevel(5_000_000)).isEqualTo("lag-5");
    }

    @Test
    void shortensLargeCountsForHeatMapCells() {
        assertThat(formats.compact(950)).isEqualTo("950");
        assertThat(formats.compact(1_234)).isEqualTo("1.2k");
        assertThat(formats.compact(56_789)).isEqualTo("57k");
        assertThat(formats.compact(4_500_000)).isEqualTo("4.5M");
        assertThat(formats.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void writesAuditStatesAsKeyValuePairs() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("holder", "node-a");
        values.put("epoch", 3);

        assertThat(formats.values(values)).isEqualTo("holder=node-a, epoch=3");
        assertThat(formats.values(Map.of())).isEqualTo("—");
    }
}
