package io.leadflow.cadence.activity;

import java.util.UUID;

import io.leadflow.cadence.messaging.ContractViolationException;

/** An activity about a lead the engine has never stored: nothing to apply it to. */
public class UnknownLeadException extends ContractViolationException {

    public UnknownLeadException(UUID leadId) {
        super("No lead " + leadId);
    }
}
