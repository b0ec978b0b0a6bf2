package io.leadflow.cadence.activity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a rep reports after working a lead; the last four end every cadence of the lead. */
public enum Outcome {
    CONTACTED(false),
    NO_ANSWER(false),
    LEFT_VOICEMAIL(false),
    APPOINTMENT_SET(true),
    NOT_INTERESTED(true),
    DISQUALIFIED(true),
    CLOSED(true);

    private final boolean stopsCadence;

    Outcome(boolean stopsCadence) {
        this.stopsCadence = stopsCadence;
    }

    public boolean stopsCadence() {
        return stopsCadence;
    }

    /** The wire name, as in {@code detail.outcome} of a lead.activity: {@code appointment_set}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Outcome> fromWire(String value) {
        return Arrays.stream(values()).filter(outcome -> outcome.wireName().equals(value)).findFirst();
    }
}
