package io.leadflow.cadence.problem;

import java.util.UUID;

/** The engine has no such lead (yet): intake may have accepted it a moment ago. */
public class LeadPendingException extends RuntimeException {

    public LeadPendingException(UUID leadId) {
        super("Lead " + leadId + " is not known to the engine yet; retry shortly");
    }
}
