package io.leadflow.cadence.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void shouldRetryALostConnectionADeadlockAndAConcurrentInsertOfTheSameKey() {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("duplicate key", "23505")))).isTrue();
        // the connection pool's own timeout when every connection was busy (no SQLSTATE)
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void shouldNotRetryWhatTheRecordItselfCauses() {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("null value in column", "23502")))).isFalse();
        assertThat(TransientFailures.isTransient(new ContractViolationException("leadId is missing"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new PersistenceException("could not execute statement", cause);
    }
}
