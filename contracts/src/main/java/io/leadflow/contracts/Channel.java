package io.leadflow.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a touch reaches its recipient. Call and voicemail tasks are done by the rep. */
public enum Channel {
    @JsonProperty("sms") SMS,
    @JsonProperty("email") EMAIL,
    @JsonProperty("call_task") CALL_TASK,
    @JsonProperty("voicemail_task") VOICEMAIL_TASK;

    /** Channels that reach a person's phone, and so only inside their contact window. */
    public boolean needsContactWindow() {
        return this != EMAIL;
    }
}
