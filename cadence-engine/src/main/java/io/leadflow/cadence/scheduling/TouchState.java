package io.leadflow.cadence.scheduling;

import io.leadflow.contracts.TouchStatus;

/** A touch's life in the engine: planned, handed to the notifier, then what the notifier reported. */
public enum TouchState {
    SCHEDULED,
    /** Held while the lead's cadence is paused; scheduled again, later, on resume. */
    PAUSED,
    DISPATCHED,
    ACCEPTED,
    DELIVERED,
    FAILED,
    SKIPPED,
    DEFERRED;

    public static TouchState of(TouchStatus reported) {
        return valueOf(reported.name());
    }
}
