package io.leadflow.notifier.delivery;

import io.leadflow.contracts.TouchStatus;

/**
 * Where one touch's delivery stands. {@code sending} is the only state a send can be in doubt in;
 * {@code retrying} waits in the row for the retry poller after a transient provider failure.
 */
public enum DeliveryStatus {
    SENDING("sending", null),
    RETRYING("retrying", null),
    ACCEPTED("accepted", TouchStatus.ACCEPTED),
    FAILED("failed", TouchStatus.FAILED),
    SKIPPED("skipped", TouchStatus.SKIPPED),
    DEFERRED("deferred", TouchStatus.DEFERRED);

    private final String dbValue;
    private final TouchStatus touchStatus;

    DeliveryStatus(String dbValue, TouchStatus touchStatus) {
        this.dbValue = dbValue;
        this.touchStatus = touchStatus;
    }

    public String dbValue() {
        return dbValue;
    }

    public TouchStatus touchStatus() {
        return touchStatus;
    }

    /** Nothing more will happen to the touch: a redelivery only re-publishes the stored result. */
    public boolean isFinal() {
        return this != SENDING && this != RETRYING && this != DEFERRED;
    }

    public static DeliveryStatus fromDb(String value) {
        for (DeliveryStatus status : values()) {
            if (status.dbValue.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown delivery status " + value);
    }

    public static DeliveryStatus of(TouchStatus status) {
        for (DeliveryStatus candidate : values()) {
            if (candidate.touchStatus == status) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no delivery status for " + status);
    }
}
