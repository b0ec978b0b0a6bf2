package io.leadflow.cadence.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Runs a consumer's work until it succeeds or fails for a reason that is not transient. A database
 * outage holds the record (its offset is not committed) instead of sending it to the DLQ.
 */
@ApplicationScoped
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    public <T> T call(String what, UUID leadId, Supplier<T> work) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.warnf("%s for lead %s failed transiently (%s); retrying in %d ms", what, leadId,
                        e.getClass().getSimpleName(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    public void run(String what, UUID leadId, Runnable work) {
        call(what, leadId, () -> {
            work.run();
            return null;
        });
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
