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
            if (cause instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransientState(String sqlState) {
        return sqlState != null && sqlState.length() >= 2
                && (TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)) || UNIQUE_VIOLATION.equals(sqlState));
    }
}
