package io.leadflow.intake.source;

import java.util.Optional;

/** Reads {@code Authorization: Bearer <token>}. */
public final class BearerTokens {

    private static final String BEARER = "bearer ";

    private BearerTokens() {
    }

    public static Optional<String> from(String authorizationHeader) {
        String header = authorizationHeader;
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
