package io.kapivara.hub.client.consumer;

import static io.kapivara.hub.client.consumer.Events.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import io.kapivara.hub.client.HubClient;
import io.kapivara.hub.client.HubClientException;
import io.kapivara.hub.client.HubTransientException;
import io.kapivara.hub.client.RetryPolicy;

/** The runtime without a hub: its settings and how it behaves while the hub is out of reach. */
class HubConsumerTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void keepsTryingWithGrowingWaitsWhileTheHubIsOutOfReachAndStillClosesPromptly() throws Exception {
        // given a hub that refuses connections
        record Failure(String operation, HubClientException failure, Duration retryIn) {
        }
        Queue<Failure> failures = new ConcurrentLinkedQueue<>();
        try (HubClient client = HubClient.builder().baseUrl("http://127.0.0.1:" + closedPort())
                .retryPolicy(RetryPolicy.NONE).build()) {
            HubConsumer consumer = HubConsumer.builder().client(client).owner("o").handler(event -> { })
                    .hubBackoff(Duration.ofMillis(20), Duration.ofMillis(80))
                    .listener(new ConsumerListener() {
                        @Override
                        public void transientFailure(String operation, HubClientException failure, Duration retryIn) {
                            failures.add(new Failure(operation, failure, retryIn));
                        }
                    })
                    .build();

            // when
            consumer.start();
            boolean triedOften = eventually(() -> failures.size() >= 5);
            long closing = System.nanoTime();
            consumer.close();
            long closeMs = (System.nanoTime() - closing) / 1_000_000;

            // then
            assertThat(triedOften).isTrue();
            List<Failure> seen = List.copyOf(failures);
            assertThat(seen).allSatisfy(failure -> {
                assertThat(failure.operation()).isEqualTo("heartbeat");
                assertThat(failure.failure()).isInstanceOf(HubTransientException.class);
                assertThat(failure.retryIn()).isLessThanOrEqualTo(Duration.ofMillis(80));
            });
            assertThat(seen.get(3).retryIn()).isGreaterThanOrEqualTo(Duration.ofMillis(40));
            assertThat(closeMs).isLessThan(2_000);
        }
    }

    @Test
    void makesAKeyWhenNoneIsGiven() {
        try (HubClient client = HubClient.builder().baseUrl("http://127.0.0.1:1").build()) {
            HubConsumer first = HubConsumer.builder().client(client).owner("o").handler(event -> { }).build();
            HubConsumer second = HubConsumer.builder().client(client).owner("o").handler(event -> { }).build();
            HubConsumer named = HubConsumer.builder().client(client).owner("o").key("node-1").handler(event -> { })
                    .build();

            assertThat(first.key()).isNotBlank().isNotEqualTo(second.key());
            assertThat(named.key()).isEqualTo("node-1");
            assertThat(named.owner()).isEqualTo("o");
        }
    }

    @Test
    void refusesToBuildWithoutAHandlerOrWithSettingsOutOfRange() {
        try (HubClient client = HubClient.builder().baseUrl("http://127.0.0.1:1").build()) {
            assertThatThrownBy(() -> HubConsumer.builder().client(client).owner("o").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("handler [missing]");
            assertThatThrownBy(() -> HubConsumer.builder().client(client).owner("o").handler(event -> { })
                    .fetchLimit(0).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A consumer's fetchLimit is 1 or more: [0]");
            assertThatThrownBy(() -> HubConsumer.builder().client(client).owner("o").handler(event -> { })
                    .handlerBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> HubConsumer.builder().client(client).owner("o").handler(event -> { })
                    .fetchLinger(Duration.ofMillis(1_001)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A consumer's fetchLinger is 0 to 1 second: [PT1.001S]");
        }
    }

    @Test
    void startsOnlyOnce() {
        try (HubClient client = HubClient.builder().baseUrl("http://127.0.0.1:1").retryPolicy(RetryPolicy.NONE)
                .build()) {
            HubConsumer consumer = HubConsumer.builder().client(client).owner("o").handler(event -> { }).build();
            consumer.close();

            assertThatThrownBy(consumer::start).isInstanceOf(IllegalStateException.class);
        }
    }
}
