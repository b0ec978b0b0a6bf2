package io.leadflow.intake.idempotency;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/** Deletes expired idempotency records every ten minutes; an expired one is already ignored on read. */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Duration INTERVAL = Duration.ofMinutes(10);

    @Inject
    IdempotencyStore store;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    void onStart(@Observes StartupEvent event) {
        vertx.setPeriodic(INTERVAL.toMillis(), timer -> vertx.executeBlocking(() -> store.purgeExpired(clock.instant()), false)
                .onSuccess(purged -> Log.debugf("Purged %d expired idempotency records", purged))
                .onFailure(failure -> Log.warnf("Purging idempotency records failed: %s", failure.toString())));
    }
}
