package io.leadflow.cadence.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the rep is due to do: a call task of a cadence or a promise they made.
 *
 * @param what   {@code Call}, {@code Voicemail} or {@code Promised call/sms/email}
 * @param reason the playbook step's reason, or the promise's note
 */
public record TodayItem(Instant at, String what, UUID leadId, String leadName, String reason, boolean overdue) {
}
