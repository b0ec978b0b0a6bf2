package io.leadflow.cadence.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadflow.cadence.EngineConfig;

@ApplicationScoped
public class ClaimTokensProducer {

    @Produces
    @Singleton
    ClaimTokens claimTokens(EngineConfig config) {
        return new ClaimTokens(config.claimSecret());
    }
}
