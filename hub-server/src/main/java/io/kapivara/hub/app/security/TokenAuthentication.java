package io.kapivara.hub.app.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Checks presented secrets against the configured tokens: a bearer token on API requests, or a
 * token's name and secret typed into the dashboard's login form. Every token is compared, each in
 * constant time, so timing reveals neither which token nor how much of it matched.
 */
final class TokenAuthentication implements AuthenticationManager {

    private static final String BEARER = "Bearer ";

    private final List<ApiToken> tokens;

    TokenAuthentication(List<ApiToken> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String secret = String.valueOf(request.getCredentials());
        String name = request.getPrincipal() == null ? null : String.valueOf(request.getPrincipal());
        ApiToken found = null;
        for (ApiToken token : tokens) {
            if (token.matches(secret) && (name == null || name.equals(token.name()))) {
                found = token;
            }
        }
        if (found == null) {
            throw new BadCredentialsException("No configured token matches");
        }
        return UsernamePasswordAuthenticationToken.authenticated(found.name(), null,
                found.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
    }

    /** Reads {@code Authorization: Bearer …}; requests without one pass on unauthenticated. */
    static AuthenticationConverter bearer() {
        return (HttpServletRequest request) -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
            return UsernamePasswordAuthenticationToken.unauthenticated(null, header.substring(BEARER.length()).strip());
        };
    }
}
