package io.leadflow.cadence.messaging;

/** A record that can never be processed as it is: nacked, so it lands in the channel's DLQ. */
public class ContractViolationException extends IllegalArgumentException {

    public ContractViolationException(String message) {
        super(message);
    }
}
