package io.kapivara.hub.app.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API tokens, from {@code hub.security.tokens} (a list of name, token, roles) and from
 * {@code HUB_TOKENS}: entries {@code name:role+role:token} separated by commas, for example
 * {@code ci:producer:s3cret,ops:operator+viewer:0th3r}. Without any token the hub is open and
 * listens on the loopback interface only.
 */
@ConfigurationProperties("hub.security")
public record SecuritySettings(@DefaultValue List<Token> tokens, @Nullable String tokensText) {

    /** The shortest secret accepted: shorter ones are guessable. */
    static final int MIN_SECRET_LENGTH = 16;

    /** One token as configured. */
    public record Token(String name, String token, List<String> roles) {
    }

    /** Every configured token, checked: names unique, secrets long enough, roles known. */
    List<ApiToken> apiTokens() {
        List<ApiToken> all = new ArrayList<>();
        tokens.forEach(token -> all.add(check(token.name(), token.token(), token.roles())));
        if (tokensText != null && !tokensText.isBlank()) {
            for (String entry : tokensText.split(",")) {
                String[] parts = entry.strip().split(":", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException(
                            "HUB_TOKENS entries are name:role+role:token, separated by commas: [%s]"
                                    .formatted(parts[0]));
                }
                all.add(check(parts[0], parts[2], List.of(parts[1].split("\\+"))));
            }
        }
        Set<String> names = new HashSet<>();
        all.forEach(token -> {
            if (!names.add(token.name())) {
                throw new IllegalArgumentException("Token names are unique: [%s]".formatted(token.name()));
            }
        });
        return all;
    }

    private static ApiToken check(@Nullable String name, @Nullable String secret, @Nullable List<String> roles) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Every token has a name");
        }
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("Token [%s] must be at least %d bytes long"
                    .formatted(name, MIN_SECRET_LENGTH));
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Token [%s] has at least one role".formatted(name));
        }
        Set<Role> parsed = new HashSet<>();
        roles.forEach(role -> parsed.add(Role.parse(role)));
        return new ApiToken(name.strip(), secret, Set.copyOf(parsed));
    }
}
