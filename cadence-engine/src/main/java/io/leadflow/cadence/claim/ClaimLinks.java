package io.leadflow.cadence.claim;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.cadence.EngineConfig;
import io.leadflow.cadence.lead.Lead;

/** The claim link in a rep's alert: valid until the claim deadline plus a grace period. */
@ApplicationScoped
public class ClaimLinks {

    static final String PATH = "/claim/";

    private final ClaimTokens tokens;
    private final EngineConfig config;

    ClaimLinks(ClaimTokens tokens, EngineConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    public String linkFor(Lead lead, UUID repId) {
        String base = config.publicUrl().endsWith("/") ? config.publicUrl().substring(0, config.publicUrl().length() - 1)
                : config.publicUrl();
        return base + PATH + tokens.issue(lead.id, repId, lead.claimDueAt.plus(config.claim().linkGrace()));
    }
}
