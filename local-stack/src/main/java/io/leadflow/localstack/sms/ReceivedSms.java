package io.leadflow.localstack.sms;

import java.time.Instant;

/**
 * One message the SMS sink accepted.
 *
 * @param receivedAt     when the HTTP request arrived
 * @param statusCallback the {@code StatusCallback} URL the sender asked for, or null
 */
public record ReceivedSms(String sid, Instant receivedAt, String to, String from, String body, String statusCallback) {

    /** The notifier's status callback is {@code <base>/webhooks/twilio/status/<touchId>}. */
    private static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status/";

    /** The touch this text delivers, named by its status callback; null for a text that names none. */
    public String touchId() {
        if (statusCallback == null) {
            return null;
        }
        int at = statusCallback.lastIndexOf(STATUS_CALLBACK_PATH);
        return at < 0 ? null : statusCallback.substring(at + STATUS_CALLBACK_PATH.length());
    }
}
