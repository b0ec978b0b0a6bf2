package io.leadflow.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happened to a due touch, as reported on {@link Topics#TOUCHES_RESULTS}. */
public enum TouchStatus {
    /** The provider accepted it (SMTP 250 after DATA, SMS API 201). */
    @JsonProperty("accepted") ACCEPTED,
    /** The provider confirmed delivery to the handset or mailbox. */
    @JsonProperty("delivered") DELIVERED,
    @JsonProperty("failed") FAILED,
    /** Not sent on purpose (opted out, lead stopped, test lead…): the reason says why. */
    @JsonProperty("skipped") SKIPPED,
    /** Not sent now, sent later (outside the contact window…): the reason says why. */
    @JsonProperty("deferred") DEFERRED;

    public boolean isFinal() {
        return this != DEFERRED;
    }
}
