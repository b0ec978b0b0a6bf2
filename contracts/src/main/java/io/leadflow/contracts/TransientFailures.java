package io.leadflow.contracts;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Tells a database failure worth retrying (the database went away or restarted, a deadlock or
 * serialization conflict, a concurrent insert of the same key, a pool that had no connection free)
 * from one the record itself causes, and retries the former. Only the latter belongs in a
 * dead-letter topic. Shared by the services' Kafka consumers; only the JDK's {@code java.sql}, so
 * the contracts stay free of dependencies.
 */
public final class TransientFailures {

    /** SQLSTATE classes: connection exception, transaction rollback, insufficient resources, operator intervention. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57");
    /** A concurrent insert of the same key (the retry finds the row), a lock wait that timed out. */
    private static final Set<String> TRANSIENT_STATES = Set.of("23505", "55P03");
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    /**
     * Follows causes and suppressed exceptions: a commit cut by a restart surfaces as JTA's
     * {@code RollbackException} whose SQL error is only a suppressed {@code XAException}'s cause.
     */
    private static boolean isTransient(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isTransientState(sql.getSQLState()) || isPoolFailure(sql))) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isTransient(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Runs {@code work} until it succeeds, fails for a reason that is not transient, or would still
     * be failing after {@code giveUpAfter}; the last failure is thrown then. Backs off from 50 ms,
     * doubling up to 5 s; {@code onRetry} hears of each failure retried and the wait before the next try.
     */
    public static <T> T retry(Supplier<T> work, Duration giveUpAfter, BiConsumer<RuntimeException, Duration> onRetry) {
        long started = System.nanoTime();
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                if (!isTransient(e) || elapsed.plus(backoff).compareTo(giveUpAfter) > 0
                        || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                onRetry.accept(e, backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Failures of Agroal's pool, which carry no SQLSTATE: "Sorry, acquisition timeout!" (every
     * pooled connection busy for the whole acquisition timeout: load, not a bad record; the bench
     * saw 567 of 600 leads dead-lettered by it) and "Enlisted connection used without active
     * transaction" (the transaction ended under the connection, as when PostgreSQL restarted).
     */
    private static boolean isPoolFailure(SQLException failure) {
        String message = failure.getMessage();
        return failure.getSQLState() == null && message != null
                && (message.contains("acquisition timeout") || message.contains("without active transaction"));
    }

    private static boolean isTransientState(String sqlState) {
        return sqlState != null && sqlState.length() >= 2
                && (TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)) || TRANSIENT_STATES.contains(sqlState));
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
