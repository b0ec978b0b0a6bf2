package io.leadflow.intake.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.leadflow.intake.config.IntakeConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/** Bootstraps the configured sources at start, then keeps the in-memory directory fresh. */
@ApplicationScoped
public class SourceDirectoryRefresh {

    @Inject
    SourceBootstrap bootstrap;

    @Inject
    SourceDirectory directory;

    @Inject
    IntakeConfig config;

    @Inject
    Vertx vertx;

    void onStart(@Observes StartupEvent event) {
        bootstrap.apply();
        directory.reload();
        vertx.setPeriodic(config.sourceRefreshInterval().toMillis(), timer -> vertx.executeBlocking(() -> {
            directory.reload();
            return null;
        }, false).onFailure(failure -> Log.warnf("Reloading the sources failed: %s", failure.toString())));
    }
}
