package io.leadflow.cadence.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.leadflow.cadence.commitment.CommitmentService;
import io.leadflow.cadence.problem.InvalidRequestException;
import io.leadflow.cadence.problem.Problem;

/** The checks of a rep's request and the activity details it becomes; the API and the inbox's forms share them. */
public final class RepActionRequests {

    private static final String VALID_OUTCOMES = Arrays.stream(Outcome.values()).map(Outcome::wireName)
            .collect(Collectors.joining(", "));

    private static final List<String> COMMITMENT_CHANNELS = List.of("call_task", "sms", "email");

    private RepActionRequests() {
    }

    /** @throws InvalidRequestException naming {@code outcome} if it is not one of {@link Outcome} */
    public static Map<String, String> outcome(String outcome, String note) {
        if (Outcome.fromWire(outcome).isEmpty()) {
            throw InvalidRequestException.of("outcome", "must be one of " + VALID_OUTCOMES);
        }
        Map<String, String> detail = withNote(note);
        detail.put(StopPolicy.OUTCOME, outcome);
        return detail;
    }

    /**
     * @param at null when it could not be read
     * @throws InvalidRequestException naming {@code at} (not in the future) and {@code channel} (unknown)
     */
    public static Map<String, String> commitment(Instant at, String channel, String note, Instant now) {
        List<Problem.InvalidParam> problems = new ArrayList<>();
        if (at == null || !at.isAfter(now)) {
            problems.add(new Problem.InvalidParam("at", "must be an ISO-8601 instant in the future"));
        }
        if (!COMMITMENT_CHANNELS.contains(channel)) {
            problems.add(new Problem.InvalidParam("channel", "must be one of " + String.join(", ", COMMITMENT_CHANNELS)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Map<String, String> detail = withNote(note);
        detail.put(CommitmentService.AT, at.toString());
        detail.put(CommitmentService.CHANNEL, channel);
        return detail;
    }

    public static Map<String, String> withNote(String note) {
        Map<String, String> detail = new HashMap<>();
        if (note != null && !note.isBlank()) {
            detail.put("note", note);
        }
        return detail;
    }
}
