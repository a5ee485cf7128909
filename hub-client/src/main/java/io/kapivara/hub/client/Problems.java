package io.kapivara.hub.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * Turns an error answer into the exception the caller can act on: transient for what may heal by
 * itself, a typed {@link HubRequestException} carrying the problem's facts for the rest.
 */
final class Problems {

    /** Statuses that say "not now" rather than "not this": the hub or a proxy in front of it. */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 502, 503, 504);

    /** Of those, the statuses that say the request was not acted on; 502 and 504 leave it open. */
    private static final Set<Integer> REFUSED_STATUSES = Set.of(429, 503);

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private static final int MAX_QUOTED_BODY = 200;

    private final JsonMapper mapper;

    Problems(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The exception for an answer outside 2xx.
     *
     * @param request    what was asked, for messages
     * @param retryAfter the answer's {@code Retry-After} header, if any
     */
    HubClientException toException(String request, int status, @Nullable String retryAfter, byte[] body) {
        Problem problem = read(request, status, body);
        if (REFUSED_STATUSES.contains(status)) {
            return HubTransientException.refused("The hub cannot serve %s now: %s (status %d)"
                    .formatted(request, problem.detail(), status), status, delay(retryAfter));
        }
        if (TRANSIENT_STATUSES.contains(status) || ProblemTypes.UNAVAILABLE.equals(problem.slug())) {
            return new HubTransientException("The hub cannot serve %s now: %s (status %d)"
                    .formatted(request, problem.detail(), status), status, delay(retryAfter), null);
        }
        return typed(problem);
    }

    static HubRequestException typed(Problem problem) {
        try {
            return known(problem);
        } catch (RuntimeException unreadableFacts) {
            // A hub problem whose facts are missing or malformed is still a refusal: keep everything it said.
            var generic = new UnexpectedProblemException(problem);
            generic.addSuppressed(unreadableFacts);
            return generic;
        }
    }

    private static HubRequestException known(Problem problem) {
        return switch (problem.slug()) {
            case ProblemTypes.WRONG_EXPECTED_VERSION -> new WrongExpectedVersionException(problem);
            case ProblemTypes.DUPLICATE_EVENT_ID -> new DuplicateEventIdException(problem);
            case ProblemTypes.PARTITION_KEY_MISMATCH -> new PartitionKeyMismatchException(problem);
            case ProblemTypes.STREAM_NOT_FOUND -> new StreamNotFoundException(problem);
            case ProblemTypes.EVENT_NOT_FOUND -> new EventNotFoundException(problem);
            case ProblemTypes.INVALID_REQUEST -> new InvalidRequestException(problem);
            case ProblemTypes.PAYLOAD_TOO_LARGE -> new PayloadTooLargeException(problem);
            case ProblemTypes.LEASE_LOST -> new LeaseLostException(problem);
            case ProblemTypes.OFFSET_BEHIND -> new OffsetBehindException(problem);
            case ProblemTypes.OFFSET_BEYOND_HEAD -> new OffsetBeyondHeadException(problem);
            case ProblemTypes.OWNER_NOT_FOUND -> new OwnerNotFoundException(problem);
            case ProblemTypes.SUBSCRIPTION_NOT_FOUND -> new SubscriptionNotFoundException(problem);
            case ProblemTypes.BUCKET_NOT_FOUND -> new BucketNotFoundException(problem);
            default -> new UnexpectedProblemException(problem);
        };
    }

    private Problem read(String request, int status, byte[] body) {
        JsonNode node = parse(body);
        if (node == null || !node.isObject()) {
            return new Problem(request, status, "about:blank", "about:blank",
                    "Status %d without a problem detail: %s".formatted(status, quote(body)), Map.of());
        }
        String type = node.path("type").isString() ? node.path("type").asString() : "about:blank";
        String detail = node.path("detail").isString() ? node.path("detail").asString() : "Status " + status;
        return new Problem(request, status, type, ProblemTypes.slugOf(type), detail, extensions(node));
    }

    private @Nullable JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : mapper.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private Map<String, @Nullable Object> extensions(JsonNode problem) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : problem.properties()) {
            if (!STANDARD_MEMBERS.contains(member.getKey())) {
                fields.put(member.getKey(), mapper.treeToValue(member.getValue(), Object.class));
            }
        }
        return fields;
    }

    private static String quote(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        return text.length() <= MAX_QUOTED_BODY ? text : text.substring(0, MAX_QUOTED_BODY) + "...";
    }

    /** A {@code Retry-After} value in seconds or as an HTTP date; null when absent or unreadable. */
    static @Nullable Duration delay(@Nullable String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        String value = retryAfter.strip();
        try {
            return value.chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(value))
                    : positive(Duration.between(ZonedDateTime.now(),
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
