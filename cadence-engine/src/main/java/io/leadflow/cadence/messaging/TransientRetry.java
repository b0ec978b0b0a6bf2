package io.leadflow.cadence.messaging;

import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.leadflow.contracts.TransientFailures;

/**
 * Runs a consumer's work until it succeeds or fails for a reason that is not transient. A database
 * outage holds the record (its offset is not committed) instead of sending it to the DLQ.
 */
@ApplicationScoped
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    public <T> T call(String what, UUID leadId, Supplier<T> work) {
        return TransientFailures.retry(work, ChronoUnit.FOREVER.getDuration(), (failure, backoff) -> LOG.warnf(
                "%s for lead %s failed transiently (%s); retrying in %d ms", what, leadId,
                failure.getClass().getSimpleName(), backoff.toMillis()));
    }

    public void run(String what, UUID leadId, Runnable work) {
        call(what, leadId, () -> {
            work.run();
            return null;
        });
    }
}
