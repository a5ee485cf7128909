package io.kapivara.hub.app.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;

import io.kapivara.hub.app.web.ProblemWriter;
import io.kapivara.hub.client.model.ProblemTypes;

/**
 * Problem details for what the security filters refuse (no token, a token without the role, a
 * request the firewall rejects, a browser request from another site), written like every other
 * problem of the hub.
 */
@Component
class ProblemResponses {

    private static final String CROSS_SITE_RULE =
            "A browser may send a request that can change state only from a page of the hub's own origin";
    private static final String CSRF_RULE =
            "A dashboard action carries the form token of the page it was sent from: reload the page and try again";

    private final ProblemWriter problems;

    ProblemResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kapivara-hub\"");
        problems.write(request, response, problems.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                "This call needs a valid API token: Authorization: Bearer …", Map.of()));
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            problems.write(request, response, problems.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                    CSRF_RULE + ": " + request.getMethod() + " " + request.getRequestURI(),
                    Map.of("rule", CSRF_RULE)));
            return;
        }
        problems.write(request, response, problems.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "This token's roles do not allow " + request.getMethod() + " " + request.getRequestURI(), Map.of()));
    }

    /** A browser request from another site: the header that tells, its value, and what it must be. */
    void crossSite(HttpServletRequest request, HttpServletResponse response, String header, String value,
            String expected) throws IOException {
        String detail = "%s: %s [%s], expected [%s]".formatted(CROSS_SITE_RULE, header, value, expected);
        problems.write(request, response, problems.problem(HttpStatus.FORBIDDEN, ProblemTypes.CROSS_SITE_REQUEST,
                detail, Map.of("header", header, "rule", CROSS_SITE_RULE, "value", value, "expected", expected)));
    }

    void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        problems.write(request, response, problems.rejected(request, e));
    }
}
