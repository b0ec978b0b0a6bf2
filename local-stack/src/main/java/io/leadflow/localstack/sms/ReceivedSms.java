package io.leadflow.localstack.sms;

import java.time.Instant;

/**
 * One message the SMS sink accepted.
 *
 * @param receivedAt     when the HTTP request arrived
 * @param statusCallback the {@code StatusCallback} URL the sender asked for, or null
 */
public record ReceivedSms(String sid, Instant receivedAt, String to, String from, String body, String statusCallback) {
}
