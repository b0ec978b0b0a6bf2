package io.leadflow.cadence.routing;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a source's new leads find their rep; stored and sent by its {@link #wireName()}. */
public enum RoutingStrategy {
    /** The team's on reps in turn. */
    ROUND_ROBIN("round-robin"),
    /** The team's on reps in proportion to their weights (smooth weighted round robin). */
    WEIGHTED("weighted"),
    /** The first of the source's rules that matches the lead names a rep or a team; else the source's team in turn. */
    RULES("rules"),
    /** The team's reps in turn, skipping those off or outside their working hours; else on-call, else manager. */
    AVAILABILITY("availability");

    private final String wireName;

    RoutingStrategy(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<RoutingStrategy> of(String wireName) {
        return Arrays.stream(values()).filter(strategy -> strategy.wireName.equals(wireName)).findFirst();
    }
}
