package io.leadflow.contracts;

import java.util.List;

/** Kafka topic names. Every record's key is the lead id, so one lead's events stay ordered. */
public final class Topics {

    public static final String LEADS_RECEIVED = "leads.received";
    /** First touches and rep alerts, so nurture touches never queue in front of a new lead. */
    public static final String TOUCHES_DUE_PRIORITY = "touches.due.priority";
    public static final String TOUCHES_DUE = "touches.due";
    public static final String TOUCHES_RESULTS = "touches.results";
    public static final String LEADS_ACTIVITY = "leads.activity";

    public static final List<String> ALL = List.of(
            LEADS_RECEIVED, TOUCHES_DUE_PRIORITY, TOUCHES_DUE, TOUCHES_RESULTS, LEADS_ACTIVITY);

    private Topics() {
    }

    /** The dead-letter twin of a topic, for records that can never be processed. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
