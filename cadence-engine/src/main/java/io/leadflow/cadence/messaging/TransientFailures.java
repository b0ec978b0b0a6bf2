package io.leadflow.cadence.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

/**
 * Tells a failure worth retrying (the database went away, a deadlock or serialization conflict, a
 * concurrent insert of the same key) from one the record itself causes. Only the latter belongs in
 * a dead-letter topic.
 */
public final class TransientFailures {

    /** SQLSTATE classes: connection exception, transaction rollback, insufficient resources, operator intervention. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57");
    private static final String UNIQUE_VIOLATION = "23505";

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof LockTimeoutException || cause instanceof PessimisticLockException
                    || cause instanceof QueryTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isTransientState(sql.getSQLState()) || isPoolExhausted(sql))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Agroal's "Sorry, acquisition timeout!" carries no SQLSTATE: every pooled connection was busy
     * for the whole acquisition timeout. Under a burst that is load, not a bad record (the bench
     * saw 567 of 600 leads dead-lettered by it).
     */
    private static boolean isPoolExhausted(SQLException failure) {
        return failure.getSQLState() == null && failure.getMessage() != null
                && failure.getMessage().contains("acquisition timeout");
    }

    private static boolean isTransientState(String sqlState) {
        return sqlState != null && sqlState.length() >= 2
                && (TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)) || UNIQUE_VIOLATION.equals(sqlState));
    }
}
