package io.leadflow.cadence.auth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.leadflow.cadence.routing.RepRole;

/** The rep (or manager) behind an inbox session, and the session's CSRF token. */
public record SignedInRep(UUID repId, String name, RepRole role, String teamId, String csrfToken) {

    public boolean isManager() {
        return role == RepRole.manager;
    }

    /** As the rep API sees them: a manager sees every lead, a rep their own. */
    public Caller caller() {
        return new Caller(isManager() ? Role.manager : Role.rep, repId);
    }

    /** Whether a submitted form carries this session's token (compared in constant time). */
    public boolean csrfMatches(String submitted) {
        return submitted != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }
}
