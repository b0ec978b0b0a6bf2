package io.leadflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void shouldRetryALostConnectionARestartADeadlockAndAConcurrentInsertOfTheSameKey() {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException(
                "terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("duplicate key", "23505")))).isTrue();
        // the connection pool's own failures carry no SQLSTATE
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException(
                "Enlisted connection used without active transaction")))).isTrue();
    }

    @Test
    void shouldRetryACommitCutByARestartWhoseSqlErrorIsOnlySuppressed() {
        // as Narayana reports it: RollbackException, suppressed XAException, caused by the PSQLException
        RuntimeException commitFailed = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commitFailed.addSuppressed(new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(TransientFailures.isTransient(new RuntimeException("Error invoking subclass method", commitFailed)))
                .isTrue();
    }

    @Test
    void shouldNotRetryWhatTheRecordItselfCauses() {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("null value in column", "23502")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("leadId is missing"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }

    @Test
    void shouldRetryATransientFailureUntilTheWorkSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> waits = new ArrayList<>();

        String result = TransientFailures.retry(() -> {
            if (calls.incrementAndGet() < 3) {
                throw wrapped(new SQLException("connection refused", "08001"));
            }
            return "done";
        }, Duration.ofSeconds(5), (failure, wait) -> waits.add(wait));

        assertThat(result).isEqualTo("done");
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void shouldThrowAFailureTheRecordCausesAtOnceAndATransientOneOnceTheTimeIsUp() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailures.retry(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("leadId is missing");
        }, Duration.ofSeconds(5), (failure, wait) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);

        calls.set(0);
        assertThatThrownBy(() -> TransientFailures.retry(() -> {
            calls.incrementAndGet();
            throw wrapped(new SQLException("connection refused", "08001"));
        }, Duration.ofMillis(200), (failure, wait) -> { }))
                .hasRootCauseMessage("connection refused");
        // 50 + 100 ms of waiting fit in 200 ms, the next 200 ms would not
        assertThat(calls).hasValue(3);
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("could not execute statement", cause);
    }
}
