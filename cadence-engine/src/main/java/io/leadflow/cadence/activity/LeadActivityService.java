package io.leadflow.cadence.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.claim.ClaimService;
import io.leadflow.cadence.commitment.CommitmentService;
import io.leadflow.cadence.lead.CadenceState;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.scheduling.CadenceControl;
import io.leadflow.cadence.scheduling.CadencePlanner;
import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.LeadActivity;

/**
 * Applies what people did about a lead, under the lead's row lock so one lead's activities never
 * interleave; an activity id seen before changes nothing. Rep actions taken through the engine's
 * API are also written to the outbox, to be published on leads.activity after the commit.
 */
@ApplicationScoped
public class LeadActivityService {

    private static final Logger LOG = Logger.getLogger(LeadActivityService.class);

    private final CadenceControl cadences;
    private final ClaimService claims;
    private final CadencePlanner planner;
    private final CommitmentService commitments;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    LeadActivityService(CadenceControl cadences, ClaimService claims, CadencePlanner planner,
            CommitmentService commitments, ObjectMapper objectMapper, Clock clock) {
        this.cadences = cadences;
        this.claims = claims;
        this.planner = planner;
        this.commitments = commitments;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** An activity from the topic. @throws UnknownLeadException when the engine has no such lead */
    @Transactional
    public String apply(LeadActivity activity) {
        Lead lead = Lead.lockById(activity.leadId());
        if (lead == null) {
            throw new UnknownLeadException(activity.leadId());
        }
        return applyTo(lead, activity);
    }

    /** A rep action through the API: applied, and owed to leads.activity in the same transaction. */
    @Transactional
    public String perform(Lead unlocked, LeadActivity activity) {
        Lead lead = Lead.lockById(unlocked.id);
        String effect = applyTo(lead, activity);
        OutboxEntry entry = new OutboxEntry();
        entry.id = activity.activityId();
        entry.leadId = activity.leadId();
        entry.payloadJson = json(activity);
        entry.createdAt = clock.instant();
        entry.persist();
        return effect;
    }

    private String applyTo(Lead lead, LeadActivity activity) {
        LeadEvent seen = LeadEvent.findById(activity.activityId());
        if (seen != null) {
            return seen.effect;
        }
        Instant now = clock.instant();
        StopPolicy.Decision decision = StopPolicy.decide(activity.kind(), activity.channel(), activity.detail());
        String effect = switch (decision.action()) {
            case STOP -> stop(lead, decision.reason(), now);
            case OPT_OUT -> {
                lead.optOut(decision.channel());
                int skipped = cadences.skipChannel(lead, decision.channel(), decision.reason(), now);
                yield decision.reason() + ": " + skipped + " scheduled steps on that channel skipped";
            }
            case PAUSE -> pause(lead, now);
            case RESUME -> resume(lead, now);
            case CLAIM -> claims.claim(lead, activity.actor(), now);
            case NO_ANSWER -> lead.cadenceState != CadenceState.ACTIVE
                    ? "no follow-up: the cadence is " + lead.cadenceState.name().toLowerCase(Locale.ROOT)
                    : planner.planNoAnswer(lead, now).size() + " no-answer steps planned";
            case COMMIT -> commitments.make(lead, activity.detail(), now);
            case RECORD -> null;
        };
        if (activity.kind() == ActivityKind.OUTCOME) {
            commitments.outcomeLogged(lead, now);
        }
        LeadEvent event = LeadEvent.of(lead.id, activity.at() == null ? now : activity.at(), wireName(activity.kind()),
                activity.actor(), describe(activity.detail()));
        event.id = activity.activityId();
        event.channel = activity.channel() == null ? null : activity.channel().name().toLowerCase(Locale.ROOT);
        event.effect = effect;
        event.persist();
        LOG.infof("Activity %s (%s) on lead %s: %s", activity.activityId(), event.kind, lead.id,
                effect == null ? "recorded" : effect);
        return effect;
    }

    private String stop(Lead lead, String reason, Instant now) {
        if (lead.cadenceState == CadenceState.STOPPED) {
            return "already stopped (" + lead.stateReason + ")";
        }
        lead.cadenceState = CadenceState.STOPPED;
        lead.stateReason = reason;
        lead.stateAt = now;
        int skipped = cadences.skipAll(lead, "stopped: " + reason, now);
        return "stopped every cadence (" + reason + "): " + skipped + " scheduled steps skipped";
    }

    private String pause(Lead lead, Instant now) {
        if (lead.cadenceState != CadenceState.ACTIVE) {
            return "not paused: the cadence is " + lead.cadenceState.name().toLowerCase(Locale.ROOT);
        }
        lead.cadenceState = CadenceState.PAUSED;
        lead.stateReason = "paused";
        lead.stateAt = now;
        return "paused: " + cadences.pause(lead, now) + " scheduled steps held";
    }

    private String resume(Lead lead, Instant now) {
        if (lead.cadenceState != CadenceState.PAUSED) {
            return "not resumed: the cadence is " + lead.cadenceState.name().toLowerCase(Locale.ROOT);
        }
        Duration pausedFor = Duration.between(lead.stateAt, now);
        lead.cadenceState = CadenceState.ACTIVE;
        lead.stateReason = null;
        lead.stateAt = now;
        int moved = cadences.resume(lead, pausedFor, now);
        return "resumed: " + moved + " held steps moved later by " + pausedFor.withNanos(0).toString().substring(2).toLowerCase(Locale.ROOT);
    }

    static String wireName(ActivityKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String describe(Map<String, String> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        return new TreeMap<>(detail).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("; "));
    }

    private String json(LeadActivity activity) {
        try {
            return objectMapper.writeValueAsString(activity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Activity " + activity.activityId() + " cannot be written as JSON", e);
        }
    }
}
