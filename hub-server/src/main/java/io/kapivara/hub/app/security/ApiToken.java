package io.kapivara.hub.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/** A configured token: who it is, its secret, what it may do. */
record ApiToken(String name, String secret, Set<Role> roles) {

    /** Compares in constant time, so the answer's timing tells nothing of the secret. */
    boolean matches(String presented) {
        return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ApiToken[" + name + ", " + roles + "]";
    }
}
