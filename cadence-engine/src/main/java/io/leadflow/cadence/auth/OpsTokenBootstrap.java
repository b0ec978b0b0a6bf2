package io.leadflow.cadence.auth;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.leadflow.cadence.EngineConfig;
import io.quarkus.runtime.StartupEvent;

/** Registers {@code leadflow.engine.bootstrap-ops-token} (if set) so a fresh install can be operated. */
@ApplicationScoped
public class OpsTokenBootstrap {

    @Transactional
    void register(@Observes StartupEvent start, EngineConfig config, Clock clock) {
        config.bootstrapOpsToken()
                .filter(token -> ApiToken.findByPlainToken(token).isEmpty())
                .ifPresent(token -> ApiToken.issue(token, Role.ops, null, clock.instant()).persist());
    }
}
