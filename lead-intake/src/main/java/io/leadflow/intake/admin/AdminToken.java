package io.leadflow.intake.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadflow.intake.config.IntakeConfig;
import io.leadflow.intake.source.Keys;

/** The configured admin token; without one, no token matches. */
@ApplicationScoped
public class AdminToken {

    @Inject
    IntakeConfig config;

    public boolean matches(String presented) {
        String expected = config.adminToken().filter(token -> !token.isBlank()).orElse(null);
        return Keys.sameSecret(presented, expected);
    }
}
