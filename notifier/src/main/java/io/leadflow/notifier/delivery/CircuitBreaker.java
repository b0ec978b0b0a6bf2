package io.leadflow.notifier.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a provider that keeps failing. Closed: every call goes through. After
 * {@code threshold} consecutive transient failures it opens for {@code openFor}; then one trial
 * call is let through (half-open): its success closes the circuit, its failure opens it again.
 * Only transient failures count: a provider that rejects a bad number is up.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private int consecutiveFailures;
    private Instant openUntil;
    private Instant trialStartedAt;

    public CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /** Whether a call may be made now; in half-open state, only the first caller gets the trial. */
    public synchronized boolean tryAcquire(Instant now) {
        if (openUntil == null) {
            return true;
        }
        if (now.isBefore(openUntil)) {
            return false;
        }
        // a trial whose answer never came (its thread died) does not block the circuit for ever
        if (trialStartedAt != null && now.isBefore(trialStartedAt.plus(openFor))) {
            return false;
        }
        trialStartedAt = now;
        return true;
    }

    /** Whether {@link #tryAcquire} could succeed now, without taking the trial. */
    synchronized boolean mayCall(Instant now) {
        return openUntil == null || (!now.isBefore(openUntil) && trialStartedAt == null);
    }

    /** The provider answered (accepted or rejected for good): it is up. */
    public synchronized void onAnswer() {
        consecutiveFailures = 0;
        openUntil = null;
        trialStartedAt = null;
    }

    public synchronized void onTransientFailure(Instant now) {
        consecutiveFailures++;
        boolean trialFailed = trialStartedAt != null;
        trialStartedAt = null;
        if (trialFailed || consecutiveFailures >= threshold) {
            openUntil = now.plus(openFor);
        }
    }

    /** When a call refused now should be tried again. */
    synchronized Instant retryAt(Instant now) {
        Instant soonest = now.plusSeconds(1);
        return openUntil != null && openUntil.isAfter(soonest) ? openUntil : soonest;
    }

    synchronized boolean isOpen(Instant now) {
        return openUntil != null && now.isBefore(openUntil);
    }
}
