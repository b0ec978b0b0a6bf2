package io.leadflow.cadence.activity;

import java.util.Locale;
import java.util.Map;

import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.Channel;

/**
 * The one stop policy for every cadence of a lead: a reply on any channel, a booked appointment or
 * a final rep outcome stops everything; an opt-out skips only that channel's steps.
 */
public final class StopPolicy {

    public static final String OUTCOME = "outcome";
    /** A booking tool's confirmation arrives as an outcome {@code appointment_booked}. */
    public static final String APPOINTMENT_BOOKED = "appointment_booked";

    private StopPolicy() {
    }

    public static Decision decide(ActivityKind kind, Channel channel, Map<String, String> detail) {
        return switch (kind) {
            case REPLY -> Decision.stop("reply" + on(channel));
            case OPT_OUT -> channel == null ? Decision.stop("opted out of every channel") : Decision.optOut(channel);
            case OUTCOME -> outcome(detail == null ? null : detail.get(OUTCOME));
            case PAUSE -> new Decision(Action.PAUSE, null, "paused");
            case RESUME -> new Decision(Action.RESUME, null, "resumed");
            case CLAIM_REQUESTED -> new Decision(Action.CLAIM, null, "claim requested");
            case COMMITMENT -> new Decision(Action.COMMIT, null, "commitment");
            case OPT_IN, CAME_BACK -> Decision.record();
        };
    }

    private static Decision outcome(String outcome) {
        if (APPOINTMENT_BOOKED.equals(outcome)) {
            return Decision.stop("appointment booked");
        }
        if (Outcome.NO_ANSWER.wireName().equals(outcome)) {
            return new Decision(Action.NO_ANSWER, null, "no answer");
        }
        return Outcome.fromWire(outcome)
                .filter(Outcome::stopsCadence)
                .map(stopping -> Decision.stop("outcome " + stopping.wireName()))
                .orElseGet(Decision::record);
    }

    private static String on(Channel channel) {
        return channel == null ? "" : " on " + channel.name().toLowerCase(Locale.ROOT);
    }

    public enum Action {
        /** Skip every scheduled step of the lead, for good. */
        STOP,
        /** Skip the steps on one channel, for good. */
        OPT_OUT,
        PAUSE,
        RESUME,
        CLAIM,
        /** A rep's promise: a touch at that time, a reminder before it, a breach alert after it. */
        COMMIT,
        /** Plan the playbook's no-answer steps (a voicemail and a text). */
        NO_ANSWER,
        /** Nothing to change: it goes on the timeline. */
        RECORD
    }

    /** @param channel the channel an opt-out concerns */
    public record Decision(Action action, Channel channel, String reason) {

        static Decision stop(String reason) {
            return new Decision(Action.STOP, null, reason);
        }

        static Decision optOut(Channel channel) {
            return new Decision(Action.OPT_OUT, channel, "opted out of " + channel.name().toLowerCase(Locale.ROOT));
        }

        static Decision record() {
            return new Decision(Action.RECORD, null, null);
        }
    }
}
