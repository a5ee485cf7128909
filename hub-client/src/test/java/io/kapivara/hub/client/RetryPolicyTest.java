package io.kapivara.hub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void growsTheBackoffByTheMultiplierUpToTheMaximum() {
        var policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(500), 2.0);

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(60)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void defaultsToAFewAttemptsWithExponentialBackoff() {
        assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(4);
        assertThat(RetryPolicy.DEFAULT.backoff(2)).isEqualTo(RetryPolicy.DEFAULT.backoff(1).multipliedBy(2));
        assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
    }

    @Test
    void refusesValuesThatCannotWork() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts [0]");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff [PT1S]");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier [0.5]");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
