package io.kapivara.hub.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.client.model.ExpectedVersion;

class ProblemsTest {

    private static final String REQUEST = "POST /api/streams/order-1";

    private final Problems problems = new Problems(JsonMapper.builder().build());

    private HubClientException answer(int status, String body) {
        return answer(status, null, body);
    }

    private HubClientException answer(int status, @Nullable String retryAfter, String body) {
        return problems.toException(REQUEST, status, retryAfter, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String problem(int status, String slug, String facts) {
        return """
                {"type": "urn:kapivara:hub:problem:%s", "title": "T", "status": %d, "detail": "Rule: values",
                 "instance": "/api/x"%s}""".formatted(slug, status, facts.isEmpty() ? "" : ", " + facts);
    }

    @Test
    void mapsAWrongExpectedVersionWithExpectedAndActual() {
        HubClientException exact = answer(409, problem(409, "wrong-expected-version",
                "\"stream\": \"order-1\", \"expected\": \"3\", \"actual\": 0"));
        HubClientException keyword = answer(409, problem(409, "wrong-expected-version",
                "\"stream\": \"order-1\", \"expected\": \"no_stream\", \"actual\": 7"));

        assertThat(exact).isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
            assertThat(e.stream()).isEqualTo("order-1");
            assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(3));
            assertThat(e.actual()).isZero();
        });
        assertThat(keyword).isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
            assertThat(e.expected()).isEqualTo(ExpectedVersion.NO_STREAM);
            assertThat(e.actual()).isEqualTo(7);
        });
    }

    @Test
    void mapsADuplicateEventIdWithItsIds() {
        UUID id = UUID.randomUUID();

        HubClientException e = answer(409, problem(409, "duplicate-event-id",
                "\"stream\": \"s\", \"ids\": [\"%s\"], \"reason\": \"stored in another stream\"".formatted(id)));

        assertThat(e).isInstanceOfSatisfying(DuplicateEventIdException.class, dup -> {
            assertThat(dup.ids()).containsExactly(id);
            assertThat(dup.stream()).isEqualTo("s");
            assertThat(dup.reason()).isEqualTo("stored in another stream");
        });
    }

    @Test
    void mapsNotFoundProblemsWithWhatWasNotFound() {
        UUID id = UUID.randomUUID();

        HubClientException stream = answer(404, problem(404, "stream-not-found", "\"stream\": \"a/b\""));
        HubClientException event = answer(404, problem(404, "event-not-found", "\"id\": \"%s\"".formatted(id)));

        assertThat(stream).isInstanceOfSatisfying(StreamNotFoundException.class,
                e -> assertThat(e.stream()).isEqualTo("a/b"));
        assertThat(event).isInstanceOfSatisfying(EventNotFoundException.class, e -> assertThat(e.id()).isEqualTo(id));
    }

    @Test
    void mapsAnInvalidRequestWithFieldValueAndRule() {
        HubClientException full = answer(400, problem(400, "invalid-request",
                "\"field\": \"limit\", \"value\": \"5000\", \"rule\": \"A limit is 1 to 1000\""));
        HubClientException bare = answer(400, problem(400, "invalid-request", ""));

        assertThat(full).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo("limit");
            assertThat(e.value()).isEqualTo("5000");
            assertThat(e.rule()).isEqualTo("A limit is 1 to 1000");
        });
        assertThat(bare).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isNull();
            assertThat(e.rule()).isEqualTo("Rule: values");
        });
    }

    @Test
    void mapsPayloadTooLargeAndPartitionKeyMismatchWithTheirFacts() {
        HubClientException large = answer(413, problem(413, "payload-too-large",
                "\"limit\": 4194304, \"size\": 5000000"));
        HubClientException key = answer(409, problem(409, "partition-key-mismatch",
                "\"stream\": \"s\", \"given\": \"k2\", \"stored\": null"));

        assertThat(large).isInstanceOfSatisfying(PayloadTooLargeException.class, e -> {
            assertThat(e.limit()).isEqualTo(4_194_304L);
            assertThat(e.size()).isEqualTo(5_000_000L);
        });
        assertThat(key).isInstanceOfSatisfying(PartitionKeyMismatchException.class, e -> {
            assertThat(e.given()).isEqualTo("k2");
            assertThat(e.stored()).isNull();
        });
    }

    @Test
    void mapsTheBusProblemsWithBucketEpochAndOffset() {
        HubClientException lease = answer(409, problem(409, "lease-lost",
                "\"owner\": \"billing\", \"key\": \"node-1\", \"bucket\": 3, \"epoch\": 7, \"offset\": 42, "
                        + "\"holder\": \"node-2\", \"currentEpoch\": 8"));
        HubClientException behind = answer(409, problem(409, "offset-behind",
                "\"bucket\": 3, \"offset\": 10, \"epoch\": 7, \"checkpoint\": 12"));
        HubClientException beyond = answer(409, problem(409, "offset-beyond-head",
                "\"bucket\": 4, \"offset\": 99, \"head\": 50"));
        HubClientException owner = answer(404, problem(404, "owner-not-found", "\"owner\": \"billing\""));
        HubClientException subscription = answer(404, problem(404, "subscription-not-found",
                "\"owner\": \"billing\", \"key\": \"node-1\""));
        HubClientException bucket = answer(404, problem(404, "bucket-not-found", "\"bucket\": 16, \"count\": 16"));

        assertThat(lease).isInstanceOfSatisfying(LeaseLostException.class, e -> {
            assertThat(e.bucket()).isEqualTo(3);
            assertThat(e.epoch()).isEqualTo(7);
            assertThat(e.offset()).hasValue(42);
            assertThat(e.holder()).isEqualTo("node-2");
            assertThat(e.currentEpoch()).hasValue(8);
        });
        assertThat(behind).isInstanceOfSatisfying(OffsetBehindException.class, e -> {
            assertThat(e.offset()).isEqualTo(10);
            assertThat(e.checkpoint()).hasValue(12);
        });
        assertThat(beyond).isInstanceOfSatisfying(OffsetBeyondHeadException.class, e -> {
            assertThat(e.bucket()).isEqualTo(4);
            assertThat(e.head()).hasValue(50);
            assertThat(e.epoch()).isEmpty();
        });
        assertThat(owner).isInstanceOfSatisfying(OwnerNotFoundException.class,
                e -> assertThat(e.owner()).isEqualTo("billing"));
        assertThat(subscription).isInstanceOfSatisfying(SubscriptionNotFoundException.class,
                e -> assertThat(e.key()).isEqualTo("node-1"));
        assertThat(bucket).isInstanceOfSatisfying(BucketNotFoundException.class, e -> {
            assertThat(e.bucket()).isEqualTo(16);
            assertThat(e.count()).hasValue(16);
        });
    }

    @Test
    void keepsStatusSlugDetailAndEveryFieldOnAnyRefusal() {
        HubClientException e = answer(409, problem(409, "wrong-expected-version",
                "\"stream\": \"order-1\", \"expected\": \"any\", \"actual\": 2"));

        assertThat(e).isInstanceOfSatisfying(HubRequestException.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(409);
            assertThat(refusal.slug()).isEqualTo("wrong-expected-version");
            assertThat(refusal.type()).isEqualTo("urn:kapivara:hub:problem:wrong-expected-version");
            assertThat(refusal.detail()).isEqualTo("Rule: values");
            assertThat(refusal.fields()).containsOnlyKeys("stream", "expected", "actual")
                    .containsEntry("actual", 2);
            assertThat(refusal.getMessage()).contains("Rule: values", "409", REQUEST);
        });
    }

    @Test
    void mapsAnUnknownSlugToTheGenericRefusalWithItsFields() {
        HubClientException e = answer(422, problem(422, "something-new", "\"why\": \"because\", \"n\": [1, 2]"));

        assertThat(e).isInstanceOfSatisfying(UnexpectedProblemException.class, refusal -> {
            assertThat(refusal.slug()).isEqualTo("something-new");
            assertThat(refusal.fields()).containsEntry("why", "because").containsEntry("n", List.of(1, 2));
        });
    }

    @Test
    void mapsAKnownSlugWithMissingFactsToTheGenericRefusal() {
        HubClientException e = answer(409, problem(409, "wrong-expected-version",
                "\"stream\": \"s\", \"expected\": \"any\""));

        assertThat(e).isInstanceOfSatisfying(UnexpectedProblemException.class, refusal -> {
            assertThat(refusal.slug()).isEqualTo("wrong-expected-version");
            assertThat(refusal.getSuppressed()).singleElement().extracting(Throwable::getMessage)
                    .asString().contains("actual");
        });
    }

    @Test
    void mapsAnAnswerThatIsNoProblemDetailToTheGenericRefusal() {
        HubClientException e = answer(404, "<html>Not here</html>");

        assertThat(e).isInstanceOfSatisfying(UnexpectedProblemException.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(404);
            assertThat(refusal.slug()).isEqualTo("about:blank");
            assertThat(refusal.detail()).contains("<html>Not here</html>");
        });
    }

    @Test
    void mapsAnInternalErrorToAPermanentRefusal() {
        HubClientException e = answer(500, problem(500, "internal-error", ""));

        assertThat(e).isInstanceOf(UnexpectedProblemException.class);
        assertThat(((HubRequestException) e).slug()).isEqualTo("internal-error");
    }

    @Test
    void mapsUnavailableToTransientWithTheAskedDelay() {
        HubClientException e = answer(503, "2", problem(503, "unavailable", ""));

        assertThat(e).isInstanceOfSatisfying(HubTransientException.class, transientFailure -> {
            assertThat(transientFailure.status()).hasValue(503);
            assertThat(transientFailure.retryAfter()).contains(Duration.ofSeconds(2));
            assertThat(transientFailure.getMessage()).contains("Rule: values", REQUEST);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void mapsGatewayAndOverloadStatusesToTransientWhateverTheBody(int status) {
        HubClientException e = answer(status, "<html>Bad gateway</html>");

        assertThat(e).isInstanceOfSatisfying(HubTransientException.class,
                transientFailure -> assertThat(transientFailure.status()).hasValue(status));
    }
}
