package io.leadflow.cadence.settings;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.leadflow.cadence.routing.RoutingRule;
import io.leadflow.cadence.routing.RoutingStrategy;

/**
 * The settings a lead's cadence runs with: its source's, or the defaults.
 *
 * @param fromSource false when the source has no settings of its own and the defaults apply
 * @param playbookId the source's playbook (its latest version runs for new leads); null: the default
 * @param holidays   local dates on which no SMS or call goes out
 * @param routing    how new leads find their rep
 * @param teamId     the team the strategy picks from (and the rules' fallback)
 * @param routingRules for {@link RoutingStrategy#RULES}: the first that matches names the rep or team
 */
public record CadenceSettings(String sourceId, boolean fromSource, String playbookId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration claimSla, List<UUID> escalationChain, int maxFallbacks,
        Set<LocalDate> holidays, RoutingStrategy routing, String teamId, List<RoutingRule> routingRules) {

    /** A line for the timeline: where the settings came from. */
    public String describe() {
        String origin = fromSource ? "cadence settings of source " + sourceId
                : "no cadence settings for source " + sourceId + ": defaults used";
        return origin + " (claim within " + claimSla.toSeconds() + " s, then up to " + maxFallbacks + " other reps"
                + (escalationChain.isEmpty() ? "" : " from a chain of " + escalationChain.size()) + "; routing "
                + routing.wireName() + " in team " + teamId
                + (routing == RoutingStrategy.RULES ? " with " + routingRules.size() + " rules" : "") + ")";
    }
}
