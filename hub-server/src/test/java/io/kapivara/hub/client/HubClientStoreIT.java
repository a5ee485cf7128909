package io.kapivara.hub.client;

import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.client.model.EventData;
import io.kapivara.hub.client.model.EventPage;
import io.kapivara.hub.client.model.ExpectedVersion;
import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.client.model.StreamPage;
import io.kapivara.hub.testing.HubServerTest;

/** The contract of every store call of {@link HubClient}, against a real hub on a real PostgreSQL. */
@HubServerTest
class HubClientStoreIT {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    HubClient client;

    @BeforeEach
    void connect() {
        client = HubClient.builder().baseUrl("http://127.0.0.1:" + port).requestTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static EventData event(String type, String json) {
        return new EventData(null, type, MAPPER.readTree(json), null);
    }

    private static EventData event(UUID id, String type, String json) {
        return new EventData(id, type, MAPPER.readTree(json), null);
    }

    private static List<EventData> numbered(int count, String type) {
        return IntStream.range(0, count).mapToObj(i -> event(type, "{\"n\": " + i + "}")).toList();
    }

    private static List<Long> versions(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::version).toList();
    }

    @Test
    void appendsEventsAndAnswersTheirPlaces() {
        // given
        String stream = uniqueStream("order");
        JsonNode metadata = MAPPER.readTree("{\"traceId\": \"t-1\"}");

        // when
        AppendResponse response = client.append(stream, List.of(event("order.placed", "{\"total\": 12.50}"),
                        new EventData(null, "order.paid", MAPPER.readTree("[1, \"two\", null]"), metadata)),
                AppendOptions.expecting(ExpectedVersion.NO_STREAM));

        // then
        assertThat(response.replay()).isFalse();
        assertThat(response.stream()).isEqualTo(stream);
        assertThat(response.version()).isEqualTo(1);
        assertThat(response.events()).extracting(AppendResponse.Position::version).containsExactly(0L, 1L);
        assertThat(response.events().get(1).globalPosition()).isEqualTo(response.events().get(0).globalPosition() + 1);
        assertThat(response.events()).extracting(AppendResponse.Position::id)
                .doesNotContainNull().doesNotHaveDuplicates();
        assertThat(response.bucket()).isEqualTo(BucketFunction.bucketOf(stream, 16));

        StreamPage page = client.readStream(stream);
        assertThat(page.events().get(0).data().path("total").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(page.events().get(1).metadata()).isEqualTo(metadata);
        assertThat(page.events()).extracting(RecordedEvent::id)
                .containsExactlyElementsOf(response.events().stream().map(AppendResponse.Position::id).toList());
    }

    @Test
    void replaysAnIdenticalAppendWithTheSameIdsAndStoresNothingTwice() {
        // given
        String stream = uniqueStream("replay");
        List<EventData> events = List.of(event(UUID.randomUUID(), "a", "{\"x\": 1}"),
                event(UUID.randomUUID(), "b", "2"));
        AppendResponse first = client.append(stream, events, AppendOptions.expecting(ExpectedVersion.NO_STREAM));

        // when
        AppendResponse again = client.append(stream, events, AppendOptions.expecting(ExpectedVersion.NO_STREAM));

        // then
        assertThat(first.replay()).isFalse();
        assertThat(again.replay()).isTrue();
        assertThat(again.events()).isEqualTo(first.events());
        assertThat(client.readStream(stream).events()).hasSize(2);
    }

    @Test
    void refusesAWrongExpectedVersionWithExpectedAndActual() {
        // given
        String stream = uniqueStream("wev");
        client.append(stream, numbered(1, "a"));

        // when / then
        assertThatThrownBy(() -> client.append(stream, numbered(1, "a"), AppendOptions.defaults().expectedVersion(5)))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.stream()).isEqualTo(stream);
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(5));
                    assertThat(e.actual()).isZero();
                });
        assertThatThrownBy(() -> client.append(stream, numbered(1, "a"),
                AppendOptions.expecting(ExpectedVersion.NO_STREAM)))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class,
                        e -> assertThat(e.expected()).isEqualTo(ExpectedVersion.NO_STREAM));
        assertThatThrownBy(() -> client.append(uniqueStream("wev"), numbered(1, "a"),
                AppendOptions.expecting(ExpectedVersion.EXISTS)))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actual()).isEqualTo(-1));
        assertThat(client.readStream(stream).version()).isZero();
    }

    @Test
    void refusesAStoredIdInAnotherStreamWithTheId() {
        // given
        UUID id = UUID.randomUUID();
        client.append(uniqueStream("dup"), List.of(event(id, "a", "1")));
        String other = uniqueStream("dup");

        // when / then
        assertThatThrownBy(() -> client.append(other, List.of(event(id, "a", "1"))))
                .isInstanceOfSatisfying(DuplicateEventIdException.class, e -> {
                    assertThat(e.stream()).isEqualTo(other);
                    assertThat(e.ids()).containsExactly(id);
                    assertThat(e.reason()).isEqualTo("stored in another stream");
                });
        assertThatThrownBy(() -> client.readStream(other)).isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void placesANewStreamByItsPartitionKeyAndRefusesAnotherKeyLater() {
        // given
        String stream = uniqueStream("keyed");
        String key = "tenant-" + UUID.randomUUID();

        // when
        AppendResponse response = client.append(stream, numbered(1, "a"), AppendOptions.defaults().partitionKey(key));

        // then
        assertThat(response.bucket()).isEqualTo(BucketFunction.bucketOf(key, 16));
        assertThatThrownBy(() -> client.append(stream, numbered(1, "a"), AppendOptions.defaults().partitionKey("x")))
                .isInstanceOfSatisfying(PartitionKeyMismatchException.class, e -> {
                    assertThat(e.given()).isEqualTo("x");
                    assertThat(e.stored()).isEqualTo(key);
                });
    }

    @Test
    void readsAStreamForwardInPages() {
        // given
        String stream = uniqueStream("page");
        client.append(stream, numbered(5, "n"));

        // when
        StreamPage first = client.readStream(stream, ReadStreamOptions.defaults().limit(2));
        StreamPage second = client.readStream(stream, ReadStreamOptions.defaults().limit(2).from(first.next()));
        StreamPage last = client.readStream(stream, ReadStreamOptions.defaults().limit(2).from(4));

        // then
        assertThat(versions(first.events())).containsExactly(0L, 1L);
        assertThat(first.version()).isEqualTo(4);
        assertThat(first.direction()).isEqualTo("forward");
        assertThat(versions(second.events())).containsExactly(2L, 3L);
        assertThat(versions(last.events())).containsExactly(4L);
        assertThat(last.next()).isNull();
    }

    @Test
    void readsAStreamBackwardFromItsEnd() {
        // given
        String stream = uniqueStream("back");
        client.append(stream, numbered(5, "n"));

        // when
        StreamPage page = client.readStream(stream, ReadStreamOptions.defaults().backwards().limit(3));
        StreamPage rest = client.readStream(stream, ReadStreamOptions.defaults().backwards().from(page.next()));

        // then
        assertThat(versions(page.events())).containsExactly(4L, 3L, 2L);
        assertThat(page.direction()).isEqualTo("backward");
        assertThat(page.next()).isEqualTo(1L);
        assertThat(versions(rest.events())).containsExactly(1L, 0L);
        assertThat(rest.next()).isNull();
    }

    @Test
    void streamsEveryEventOfAStreamPageByPageInBothDirections() {
        // given
        String stream = uniqueStream("walk");
        client.append(stream, numbered(7, "n"));

        // when
        List<RecordedEvent> forward = client.streamEvents(stream, ReadStreamOptions.defaults().limit(3)).toList();
        List<RecordedEvent> backward = client.streamEvents(stream, ReadStreamOptions.defaults().backwards().limit(2))
                .toList();
        List<RecordedEvent> all = client.streamEvents(stream).toList();

        // then
        assertThat(versions(forward)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(forward).extracting(e -> e.data().path("n").asInt()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(versions(backward)).containsExactly(6L, 5L, 4L, 3L, 2L, 1L, 0L);
        assertThat(all).hasSize(7);
    }

    @Test
    void readsTheStoreInGlobalOrderByCursorTypeAndCategory() {
        // given streams of a category no other test uses, with two types
        String category = "cat" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String shipped = category + ".shipped";
        client.append(category + "-1", List.of(event("placed", "1"), event(shipped, "2")));
        client.append(uniqueStream("other"), List.of(event(shipped, "99")));
        client.append(category + "-2", List.of(event("placed", "3"), event(shipped, "4"), event("placed", "5")));

        // when paging the category two events at a time
        List<RecordedEvent> paged = new ArrayList<>();
        EventPage page = client.readAll(ReadAllOptions.defaults().category(category).limit(2));
        while (!page.events().isEmpty()) {
            paged.addAll(page.events());
            page = client.readAll(ReadAllOptions.defaults().category(category).limit(2).after(page.next()));
        }
        EventPage ofType = client.readAll(ReadAllOptions.defaults().type(shipped).category(category));

        // then
        assertThat(paged).extracting(e -> e.data().asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(paged).extracting(RecordedEvent::globalPosition).isSorted().doesNotHaveDuplicates();
        assertThat(page.next()).isEqualTo(paged.getLast().globalPosition());
        assertThat(ofType.events()).extracting(e -> e.data().asInt()).containsExactly(2, 4);
        assertThat(client.readAll(ReadAllOptions.defaults().type(shipped)).events())
                .extracting(e -> e.data().asInt()).contains(2, 99, 4);
    }

    @Test
    void readsOneEventById() {
        // given
        String stream = uniqueStream("byid");
        UUID id = UUID.randomUUID();
        client.append(stream, List.of(new EventData(id, "thing", MAPPER.readTree("{\"a\": [1, 2.5]}"),
                MAPPER.readTree("{\"by\": \"test\"}"))));

        // when
        RecordedEvent event = client.event(id);

        // then
        assertThat(event.id()).isEqualTo(id);
        assertThat(event.stream()).isEqualTo(stream);
        assertThat(event.type()).isEqualTo("thing");
        assertThat(event.data().path("a").get(1).decimalValue()).isEqualByComparingTo("2.5");
        assertThat(event.metadata().path("by").asString()).isEqualTo("test");
        assertThat(event.recordedAt()).isNotNull();
    }

    @Test
    void throwsNotFoundExceptionsNamingWhatIsMissing() {
        String stream = uniqueStream("missing");
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> client.readStream(stream))
                .isInstanceOfSatisfying(StreamNotFoundException.class, e -> {
                    assertThat(e.stream()).isEqualTo(stream);
                    assertThat(e.status()).isEqualTo(404);
                });
        assertThatThrownBy(() -> client.event(id))
                .isInstanceOfSatisfying(EventNotFoundException.class, e -> assertThat(e.id()).isEqualTo(id));
        assertThatThrownBy(() -> client.streamEvents(stream).findFirst())
                .isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void throwsInvalidRequestNamingFieldValueAndRule() {
        assertThatThrownBy(() -> client.readStream(uniqueStream("lim"), ReadStreamOptions.defaults().limit(5000)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("limit");
                    assertThat(e.value()).isEqualTo("5000");
                    assertThat(e.rule()).contains("1 to 1000");
                });
        assertThatThrownBy(() -> client.append("has space", numbered(1, "a")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("stream");
                    assertThat(e.value()).isEqualTo("has space");
                });
        assertThatThrownBy(() -> client.append(uniqueStream("empty"), List.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("events"));
    }

    @Test
    void throwsPayloadTooLargeWithLimitAndSize() {
        // given an event larger than the hub's 4 MB request limit
        String stream = uniqueStream("large");
        EventData huge = new EventData(null, "huge", MAPPER.getNodeFactory().stringNode("x".repeat(5_000_000)), null);

        // when / then
        assertThatThrownBy(() -> client.append(stream, List.of(huge)))
                .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.limit()).isEqualTo(4L * 1024 * 1024);
                    assertThat(e.size()).isGreaterThan(e.limit());
                });
        assertThatThrownBy(() -> client.readStream(stream)).isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void roundTripsAStreamNameWithSlashesAndEmoji() {
        // given
        String stream = "octo/" + uniqueStream("repo") + "/🦫/日本語";

        // when
        AppendResponse response = client.append(stream, numbered(3, "pushed"));

        // then
        assertThat(response.stream()).isEqualTo(stream);
        assertThat(client.readStream(stream).stream()).isEqualTo(stream);
        assertThat(client.streamEvents(stream, ReadStreamOptions.defaults().limit(2)).toList())
                .extracting(RecordedEvent::stream).containsOnly(stream).hasSize(3);
        assertThat(client.event(response.events().getFirst().id()).stream()).isEqualTo(stream);
    }

    @Test
    void roundTripsNamesThatLookLikeDotSegmentsOrEscapes() {
        // given names a URL normaliser or a second decoding would change
        String unique = UUID.randomUUID().toString().substring(0, 8);
        List<String> names = List.of(unique + "/../x", "../" + unique, unique + "%2F..", unique + "+a?b#c&d=e");

        for (String stream : names) {
            // when
            AppendResponse response = client.append(stream, numbered(1, "t"));

            // then
            assertThat(response.stream()).isEqualTo(stream);
            assertThat(client.readStream(stream).events()).extracting(RecordedEvent::stream).containsExactly(stream);
        }
    }

    @Test
    void throwsTransientWhenNoHubListens() throws IOException {
        // given a port on 127.0.0.1 that nothing listens on
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RetryPolicy twice = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), 1.0);

        // when / then
        try (HubClient absent = HubClient.builder().baseUrl("http://127.0.0.1:" + closedPort).retryPolicy(twice)
                .build()) {
            assertThatThrownBy(() -> absent.append(uniqueStream("absent"), numbered(1, "a")))
                    .isInstanceOfSatisfying(HubTransientException.class, e -> {
                        assertThat(e.status()).isEmpty();
                        assertThat(e.attempts()).isEqualTo(2);
                        assertThat(e.getMessage()).contains(String.valueOf(closedPort));
                    });
        }
    }
}
