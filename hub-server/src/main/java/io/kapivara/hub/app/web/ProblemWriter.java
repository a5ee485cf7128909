package io.kapivara.hub.app.web;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.client.model.ProblemTypes;
import io.kapivara.hub.shared.InvalidRequestException;

/**
 * Builds RFC 9457 problem details with the hub's stable types, and writes them where MVC cannot:
 * in the servlet filters and the security filters that answer before a controller is reached.
 */
@Component
public class ProblemWriter {

    private static final String FIREWALL_RULE = "Refused by the web server's firewall: ";

    // A refusal names what it refused, not all of it: a 4 MB body or a field name of a megabyte
    // is shown by its start.
    static final int MAX_SHOWN = 1_000;

    private final JsonMapper mapper;

    ProblemWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public ProblemDetail problem(HttpStatus status, String slug, String detail, Map<String, ?> facts) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemTypes.uri(slug)));
        problem.setTitle(title(slug));
        facts.forEach(problem::setProperty);
        return problem;
    }

    /** A broken input rule: {@code field}, {@code rule} and, when there is one, {@code value}. */
    ProblemDetail invalid(InvalidRequestException e) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("field", shown(e.field()));
        facts.put("rule", e.rule());
        if (e.value() != null) {
            facts.put("value", shown(String.valueOf(e.value())));
        }
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, e.getMessage(), facts);
    }

    /**
     * A request the firewall refused (a URL it deems dangerous, or a header or parameter once read):
     * the firewall's reason is the rule, the request's path as sent the value.
     */
    public ProblemDetail rejected(HttpServletRequest request, RequestRejectedException e) {
        String reason = String.valueOf(e.getMessage());
        String rule = FIREWALL_RULE + (reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason);
        return invalid(new InvalidRequestException("request", request.getRequestURI(), rule));
    }

    /**
     * Writes a problem straight to a servlet response, for filters that answer before MVC, with the
     * request's path as {@code instance} as MVC would set it.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(instanceOf(request));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /** The request's path as a URI, or null for a path that is none (it is then left out). */
    private static @Nullable URI instanceOf(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The text, or its first characters and {@code ...} when it is longer than a refusal shows. */
    static String shown(String text) {
        if (text.length() <= MAX_SHOWN) {
            return text;
        }
        int end = MAX_SHOWN - 3;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }

    private static String title(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
