package io.leadflow.cadence.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pure part of routing: which of a team's reps, given in rotation order (least recently assigned
 * first), gets the lead, and why. The weighted pick changes the reps' credits; storing them is the caller's.
 */
public final class RepPicks {

    /** Names at most this many skipped reps in a reason, so it stays a line. */
    private static final int NAMED_SKIPS = 4;

    /** @param reason why this rep, for the lead's timeline: {@code weighted: alice weight 3 of 6} */
    public record Pick(Rep rep, String reason) {
    }

    private RepPicks() {
    }

    /** The first rep of the rotation who is on. */
    public static Optional<Pick> roundRobin(List<Rep> rotation, String teamName) {
        return rotation.stream().filter(rep -> rep.onDuty).findFirst()
                .map(rep -> new Pick(rep, "round-robin: " + rep.name + " next in " + teamName));
    }

    /**
     * Smooth weighted round robin over the reps who are on: each gains its weight in credit, the one
     * with the most (ties: the lowest id) gets the lead and gives back the total. Over any run of
     * picks each rep's share is its weight's within one pick; picks of a rep are spread out.
     */
    public static Optional<Pick> weighted(List<Rep> reps) {
        List<Rep> on = reps.stream().filter(rep -> rep.onDuty).sorted(Comparator.comparing(rep -> rep.id)).toList();
        if (on.isEmpty()) {
            return Optional.empty();
        }
        long total = on.stream().mapToLong(rep -> rep.weight).sum();
        Rep best = on.get(0);
        for (Rep rep : on) {
            rep.weightedCredit += rep.weight;
            if (rep.weightedCredit > best.weightedCredit) {
                best = rep;
            }
        }
        best.weightedCredit -= total;
        return Optional.of(new Pick(best, "weighted: " + best.name + " weight " + best.weight + " of " + total));
    }

    /**
     * The first rep of the rotation who is on and within their working hours in their own zone; when
     * nobody is, the team's on-call rep, else its manager.
     */
    public static Optional<Pick> available(List<Rep> rotation, Instant now, Rep onCall, Rep manager) {
        List<String> skipped = new ArrayList<>();
        for (Rep rep : rotation) {
            Optional<String> unavailable = whyUnavailable(rep, now);
            if (unavailable.isEmpty()) {
                return Optional.of(new Pick(rep, "availability: " + skips(skipped) + rep.name
                        + (skipped.isEmpty() ? ", next in turn, on and within hours" : "")));
            }
            skipped.add(rep.name + " " + unavailable.get());
        }
        if (onCall != null) {
            return Optional.of(new Pick(onCall, "availability: " + skips(skipped) + "on-call " + onCall.name));
        }
        if (manager != null) {
            return Optional.of(new Pick(manager, "availability: " + skips(skipped) + "manager " + manager.name));
        }
        return Optional.empty();
    }

    /** Empty when the rep takes leads now; else {@code off} or {@code outside hours}. */
    public static Optional<String> whyUnavailable(Rep rep, Instant now) {
        if (!rep.onDuty) {
            return Optional.of("off");
        }
        if (rep.workingHours != null && !rep.workingHours.covers(now.atZone(ZoneId.of(rep.timeZone)))) {
            return Optional.of("outside hours");
        }
        return Optional.empty();
    }

    private static String skips(List<String> skipped) {
        if (skipped.isEmpty()) {
            return "";
        }
        String named = String.join(", ", skipped.subList(0, Math.min(NAMED_SKIPS, skipped.size())));
        int more = skipped.size() - NAMED_SKIPS;
        return named + (more > 0 ? " and " + more + " more" : "") + " → ";
    }
}
