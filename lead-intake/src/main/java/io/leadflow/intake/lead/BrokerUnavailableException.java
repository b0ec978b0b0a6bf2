package io.leadflow.intake.lead;

/** Kafka did not acknowledge the event in time, so the lead is not accepted. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
