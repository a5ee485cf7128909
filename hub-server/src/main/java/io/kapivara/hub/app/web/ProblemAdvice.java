package io.kapivara.hub.app.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.ClassUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

import io.kapivara.hub.bus.BucketNotFoundException;
import io.kapivara.hub.bus.CommitRefusedException;
import io.kapivara.hub.bus.OwnerNotFoundException;
import io.kapivara.hub.bus.SubscriptionNotFoundException;
import io.kapivara.hub.client.model.ProblemTypes;
import io.kapivara.hub.ingest.InvalidSignatureException;
import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.UnavailableException;
import io.kapivara.hub.shared.web.PayloadTooLargeException;
import io.kapivara.hub.store.DuplicateEventIdException;
import io.kapivara.hub.store.EventNotFoundException;
import io.kapivara.hub.store.PartitionKeyMismatchException;
import io.kapivara.hub.store.StreamNotFoundException;
import io.kapivara.hub.store.WrongExpectedVersionException;

/**
 * Answers every failure of an {@code /api} request with a problem detail whose type is stable and
 * whose fields carry the offending values. Bad input is a 4xx, never a 500.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ProblemWriter problems;

    ProblemAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problems.invalid(e));
    }

    /** The firewall checks a header or parameter only when it is read, which may be in a controller. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.rejected(request, e));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, e.getMessage(),
                Map.of("limit", e.limit(), "size", e.size()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> wrongVersion(WrongExpectedVersionException e) {
        return answer(HttpStatus.CONFLICT, ProblemTypes.WRONG_EXPECTED_VERSION, e.getMessage(),
                Map.of("stream", e.stream(), "expected", e.expected().describe(), "actual", e.actual()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> duplicate(DuplicateEventIdException e) {
        return answer(HttpStatus.CONFLICT, ProblemTypes.DUPLICATE_EVENT_ID, e.getMessage(),
                Map.of("stream", e.stream(), "ids", e.ids(), "reason", e.reason()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> partitionKey(PartitionKeyMismatchException e) {
        return answer(HttpStatus.CONFLICT, ProblemTypes.PARTITION_KEY_MISMATCH, e.getMessage(),
                Map.of("stream", e.stream(), "stored", e.stored(), "given", e.given()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> streamNotFound(StreamNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ProblemTypes.STREAM_NOT_FOUND, e.getMessage(),
                Map.of("stream", e.stream()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> eventNotFound(EventNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ProblemTypes.EVENT_NOT_FOUND, e.getMessage(), Map.of("id", e.id()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> ownerNotFound(OwnerNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ProblemTypes.OWNER_NOT_FOUND, e.getMessage(), Map.of("owner", e.owner()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> subscriptionNotFound(SubscriptionNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ProblemTypes.SUBSCRIPTION_NOT_FOUND, e.getMessage(),
                Map.of("owner", e.owner(), "key", e.key()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> bucketNotFound(BucketNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ProblemTypes.BUCKET_NOT_FOUND, e.getMessage(),
                Map.of("bucket", e.bucket(), "count", e.count()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> commitRefused(CommitRefusedException e) {
        Map<String, Object> facts = new HashMap<>(Map.of("owner", e.owner(), "key", e.key(), "bucket", e.bucket(),
                "offset", e.offset(), "epoch", e.epoch(), "checkpoint", e.checkpoint(), "head", e.head(),
                "currentEpoch", e.currentEpoch()));
        facts.put("holder", e.holder());
        return switch (e.reason()) {
            case LEASE_LOST -> answer(HttpStatus.CONFLICT, ProblemTypes.LEASE_LOST, e.getMessage(), facts);
            case OFFSET_BEHIND -> answer(HttpStatus.CONFLICT, ProblemTypes.OFFSET_BEHIND, e.getMessage(), facts);
            case OFFSET_BEYOND_HEAD -> answer(HttpStatus.BAD_REQUEST, ProblemTypes.OFFSET_BEYOND_HEAD, e.getMessage(),
                    facts);
        };
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidSignature(InvalidSignatureException e) {
        return answer(HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_SIGNATURE, e.getMessage(),
                Map.of("header", e.header(), "reason", e.reason().slug()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        log.warn("Request refused as unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, e.getMessage(),
                        Map.of()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
            return tooLarge(tooLarge);
        }
        if (e.getCause() instanceof JacksonException unbound) {
            return invalid(BodyShape.refusal(unbound));
        }
        return answer(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
                "A request body is well-formed JSON of the documented shape", Map.of("field", "body",
                        "rule", "A request body is well-formed JSON of the documented shape"));
    }

    /** A query parameter or path variable that is not of its kind (see {@link StrictParameters}). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        // A parameter given twice never gets here: SingleQueryValues refuses it first.
        String name = e.getName();
        String sent = String.valueOf(e.getValue());
        return invalid(new InvalidRequestException(name, sent, kindRule(name, e.getRequiredType(), sent)));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, e.getMessage(),
                Map.of("field", e.getParameterName(), "rule", "required"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED, e.getMessage(),
                        Map.of("method", e.getMethod())));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        // A Content-Type that is no media type at all has none to name: the header as sent is the fact.
        String sent = e.getContentType() != null ? e.getContentType().toString()
                : String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE));
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, e.getMessage(),
                Map.of("contentType", sent));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(HttpStatus.NOT_ACCEPTABLE, ProblemTypes.INVALID_REQUEST, e.getMessage(), Map.of());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such resource: " + e.getResourcePath(),
                Map.of("path", e.getResourcePath()));
    }

    /** Tomcat refuses query parameters whose percent-encoding is not UTF-8 only when they are read. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> badParameterEncoding(InvalidParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
                "Query parameters are percent-encoded UTF-8", Map.of("field", "query", "rule",
                        "Query parameters are percent-encoded UTF-8"));
    }

    /**
     * A fault, or a client that went away while its answer was written (a long-poll given up, a
     * page not read to its end): that one is routine, and there is no one left to answer.
     */
    @ExceptionHandler
    @Nullable ResponseEntity<ProblemDetail> bug(Exception e, HttpServletRequest request) {
        if (clientGone(e)) {
            log.debug("Request ended by its client: {} {} ({})", request.getMethod(), request.getRequestURI(),
                    NestedExceptionUtils.getMostSpecificCause(e).toString());
            return null;
        }
        log.error("Request failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
                "The hub failed to serve this request; the server log has the details", Map.of());
    }

    /** Tomcat's and Spring's word for a response whose client has gone; the depth bounds a cycle. */
    private static boolean clientGone(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof ClientAbortException || cause instanceof AsyncRequestNotUsableException) {
                return true;
            }
        }
        return false;
    }

    private static String kindRule(String name, @Nullable Class<?> type, String sent) {
        Class<?> kind = type == null ? Object.class : ClassUtils.resolvePrimitiveIfNecessary(type);
        if (kind == Long.class || kind == Integer.class) {
            if (!StrictParameters.isWholeNumber(sent)) {
                return name + " is a whole number written in decimal digits";
            }
            return kind == Long.class ? range(name, Long.MIN_VALUE, Long.MAX_VALUE)
                    : range(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (kind == Boolean.class) {
            return name + " is true or false";
        }
        return name + " is a " + kind.getSimpleName();
    }

    private static String range(String name, long min, long max) {
        return "%s is a whole number from %d to %d".formatted(name, min, max);
    }

    private ResponseEntity<ProblemDetail> answer(HttpStatus status, String slug, String detail, Map<String, ?> facts) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(status, slug, detail, facts));
    }
}
