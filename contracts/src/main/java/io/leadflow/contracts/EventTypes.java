package io.leadflow.contracts;

/** CloudEvents {@code ce_type} values. A breaking change to a payload is a new version, never an edit. */
public final class EventTypes {

    public static final String LEAD_RECEIVED = "leadflow.lead.received.v1";
    public static final String TOUCH_DUE = "leadflow.touch.due.v1";
    public static final String TOUCH_RESULT = "leadflow.touch.result.v1";
    public static final String LEAD_ACTIVITY = "leadflow.lead.activity.v1";

    private EventTypes() {
    }
}
