package io.kapivara.hub.app.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.client.model.ProblemTypes;

/** Builds RFC 9457 problem details with the hub's stable types, and writes them where MVC cannot. */
@Component
class ProblemWriter {

    private final JsonMapper mapper;

    ProblemWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    ProblemDetail problem(HttpStatus status, String slug, String detail, Map<String, ?> facts) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemTypes.uri(slug)));
        problem.setTitle(title(slug));
        facts.forEach(problem::setProperty);
        return problem;
    }

    /** Writes a problem straight to a servlet response, for filters that answer before MVC. */
    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    private static String title(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
