package io.kapivara.hub.app.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that may change state (any method but GET, HEAD and OPTIONS) when a browser
 * says it comes from a page of another site: an {@code Origin} of {@code null} or of another
 * scheme, host or port than the hub's own (as the request names it, {@code Host} included), or a
 * {@code Sec-Fetch-Site} of {@code cross-site} or {@code same-site}. A request without either
 * header (curl, the Java client, webhooks) is no browser's and passes; so do the dashboard's own
 * forms, which a browser sends with the hub's origin.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

    private final ProblemResponses problems;

    CrossSiteRequestFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        // Every value counts: a request naming its origin twice is foreign if either is.
        String own = ownOrigin(request);
        String origin = first(request, HttpHeaders.ORIGIN, value -> !own.equals(normalize(value)));
        String site = first(request, SEC_FETCH_SITE, value -> FOREIGN_SITES.contains(value.toLowerCase(Locale.ROOT)));
        if (origin != null) {
            problems.crossSite(request, response, HttpHeaders.ORIGIN, origin, own);
        } else if (site != null) {
            problems.crossSite(request, response, SEC_FETCH_SITE, site, "same-origin");
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The first value of the header that the test finds foreign; null when none is. */
    private static @Nullable String first(HttpServletRequest request, String header, Predicate<String> foreign) {
        for (String value : Collections.list(request.getHeaders(header))) {
            if (foreign.test(value)) {
                return value;
            }
        }
        return null;
    }

    /** The hub's origin as this request reaches it: its scheme, and the host and port it names. */
    private static String ownOrigin(HttpServletRequest request) {
        return serialize(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /**
     * An {@code Origin} written the one way {@link #serialize} writes the hub's own; null for
     * {@code null} (a sandboxed page, a file, a redirect from elsewhere) and for anything else that
     * is no origin, so that neither ever matches.
     */
    private static @Nullable String normalize(String origin) {
        int separator = origin.indexOf("://");
        if (separator <= 0) {
            return null;
        }
        String scheme = origin.substring(0, separator);
        String authority = origin.substring(separator + 3);
        if (authority.isEmpty() || authority.chars().anyMatch(c -> "/?#@".indexOf(c) >= 0)) {
            return null;
        }
        // The last colon splits off the port, unless it lies inside an IPv6 address's brackets.
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || colon < authority.lastIndexOf(']')) {
            return serialize(scheme, authority, -1);
        }
        try {
            int port = Integer.parseInt(authority.substring(colon + 1));
            return port < 0 ? null : serialize(scheme, authority.substring(0, colon), port);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An origin as browsers write it: in lower case, without the scheme's default port. */
    private static String serialize(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        int defaultPort = "https".equals(lowerScheme) ? 443 : 80;
        String origin = lowerScheme + "://" + host.toLowerCase(Locale.ROOT);
        return port < 0 || port == defaultPort ? origin : origin + ":" + port;
    }
}
