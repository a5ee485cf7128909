package io.kapivara.hub.app.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import io.kapivara.hub.client.model.ProblemTypes;

/** Problem details for what the security filters refuse: no token, a token without the role, a bad URL. */
@Component
class ProblemResponses {

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kapivara-hub\"");
        write(response, 401, ProblemTypes.UNAUTHORIZED, "This call needs a valid API token: Authorization: Bearer …");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, 403, ProblemTypes.FORBIDDEN,
                "This token's roles do not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    void rejected(HttpServletResponse response, String reason) throws IOException {
        write(response, 400, ProblemTypes.INVALID_REQUEST, "The request was refused by the firewall: " + reason);
    }

    private static void write(HttpServletResponse response, int status, String slug, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String escaped = detail.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(ProblemTypes.uri(slug), slug.replace('-', ' '), status, escaped));
    }
}
