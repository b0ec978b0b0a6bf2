package io.leadflow.notifier;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.leadflow.contracts.TransientFailures;

/**
 * Retries a consumer's work while the database fails transiently (a restart, a full pool), with
 * backoff, for up to {@code leadflow.notifier.database-retry-limit}: the record waits, unacknowledged,
 * instead of going to the DLQ, which is for records that break the contract.
 */
@ApplicationScoped
public class DatabaseRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseRetry.class);

    private final Duration limit;

    public DatabaseRetry(NotifierConfig config) {
        this.limit = config.databaseRetryLimit();
    }

    /** {@code record} names what is being processed in the log (ids only). */
    public void run(String record, Runnable work) {
        TransientFailures.retry(() -> {
            work.run();
            return null;
        }, limit, (failure, backoff) -> LOG.warnf("%s: database unavailable (%s); trying again in %d ms",
                record, failure.getClass().getSimpleName(), backoff.toMillis()));
    }
}
