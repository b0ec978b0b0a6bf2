package io.leadflow.intake.webhook;

/** A platform's API did not give us a lead it notified us of; the platform retries the notification. */
public class LeadSourceUnavailableException extends RuntimeException {

    public LeadSourceUnavailableException(String message) {
        super(message, null, false, false);
    }
}
