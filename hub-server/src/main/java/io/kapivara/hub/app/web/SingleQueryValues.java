package io.kapivara.hub.app.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import io.kapivara.hub.shared.InvalidRequestException;

/**
 * Refuses a query string that names a parameter twice ({@code ?limit=5&limit=7}, {@code
 * ?owner=a&owner=}): the servlet API hands on both, and what a controller or the tail makes of two
 * values (the first, or both joined by a comma) is never what was meant. Only the query string
 * is read, never a form body, which a webhook's signature must see untouched.
 */
final class SingleQueryValues extends OncePerRequestFilter {

    static final String RULE = "A query parameter is given once";

    private final ProblemWriter problems;

    SingleQueryValues(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null) {
            for (Map.Entry<String, List<String>> parameter : parameters(query).entrySet()) {
                if (parameter.getValue().size() > 1) {
                    var twice = new InvalidRequestException(parameter.getKey(),
                            String.join(",", parameter.getValue()), RULE);
                    problems.write(request, response, problems.invalid(twice));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** The query's parameters and their values, decoded; a part that does not decode is left out. */
    private static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? part : part.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // Malformed escapes: the web server or the controller refuses them with their own rule.
            }
        }
        return parameters;
    }
}
