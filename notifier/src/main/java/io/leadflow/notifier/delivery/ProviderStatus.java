package io.leadflow.notifier.delivery;

import java.util.Locale;
import java.util.Optional;

import io.leadflow.contracts.TouchStatus;

/**
 * A message status an SMS provider reports in its status callbacks, in the order a message goes
 * through them; a callback never moves a delivery back to an earlier rank.
 */
public enum ProviderStatus {
    QUEUED(1, null), SENDING(2, null), SENT(3, null),
    DELIVERED(4, TouchStatus.DELIVERED), UNDELIVERED(4, TouchStatus.FAILED), FAILED(4, TouchStatus.FAILED);

    private final int rank;
    private final TouchStatus result;

    ProviderStatus(int rank, TouchStatus result) {
        this.rank = rank;
        this.result = result;
    }

    /** Twilio's {@code MessageStatus}; "accepted" and "scheduled" count as queued; others are not tracked. */
    public static Optional<ProviderStatus> parse(String messageStatus) {
        String status = messageStatus == null ? "" : messageStatus.strip().toLowerCase(Locale.ROOT);
        return switch (status) {
            case "accepted", "scheduled", "queued" -> Optional.of(QUEUED);
            case "sending" -> Optional.of(SENDING);
            case "sent" -> Optional.of(SENT);
            case "delivered" -> Optional.of(DELIVERED);
            case "undelivered" -> Optional.of(UNDELIVERED);
            case "failed" -> Optional.of(FAILED);
            default -> Optional.empty();
        };
    }

    public int rank() {
        return rank;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The result the engine hears about, for the final statuses only. */
    public Optional<TouchStatus> result() {
        return Optional.ofNullable(result);
    }
}
