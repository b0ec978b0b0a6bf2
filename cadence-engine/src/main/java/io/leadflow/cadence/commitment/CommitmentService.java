package io.leadflow.cadence.commitment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.leadflow.cadence.EngineConfig;
import io.leadflow.cadence.activity.LeadEvent;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.routing.Team;
import io.leadflow.cadence.scheduling.CadencePlanner;
import io.leadflow.cadence.scheduling.RepAlerts;
import io.leadflow.cadence.scheduling.Touch;
import io.leadflow.contracts.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Commitments: a touch at the promised time, a reminder to the rep 5 minutes before, and a breach
 * alert to the manager when the time has passed by {@code leadflow.engine.commitments.breach-grace}
 * with no outcome logged.
 */
@ApplicationScoped
public class CommitmentService {

    public static final String AT = "at";
    public static final String CHANNEL = "channel";
    public static final String NOTE = "note";
    static final Duration REMINDER_BEFORE = Duration.ofMinutes(5);
    private static final int BATCH = 100;

    private final CadencePlanner planner;
    private final RepAlerts alerts;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration breachGrace;

    CommitmentService(CadencePlanner planner, RepAlerts alerts, EntityManager entityManager, Clock clock,
            EngineConfig config) {
        this.breachGrace = config.commitments().breachGrace();
        this.planner = planner;
        this.alerts = alerts;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Under the lead's row lock. @return what happened, for the timeline */
    public String make(Lead lead, Map<String, String> detail, Instant now) {
        Instant at = Instant.parse(detail.get(AT));
        Channel channel = Channel.valueOf(detail.get(CHANNEL).toUpperCase(Locale.ROOT));
        Commitment commitment = new Commitment();
        commitment.id = UUID.randomUUID();
        commitment.leadId = lead.id;
        commitment.repId = lead.assignedRepId;
        commitment.promisedAt = at;
        commitment.channel = channel;
        commitment.note = detail.get(NOTE);
        commitment.status = Commitment.Status.OPEN;
        commitment.createdAt = now;
        commitment.breachAt = at.plus(breachGrace);
        commitment.persist();

        Touch touch = planner.planCommitment(lead, channel, "commitment-" + channel.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "Promised: " + Optional.ofNullable(commitment.note).orElse("a " + channel.name().toLowerCase(Locale.ROOT) + " at this time"),
                at, now);
        String effect = touch.channel.name().toLowerCase(Locale.ROOT) + " planned for " + touch.dueAt;
        Rep rep = lead.assignedRepId == null ? null : Rep.findById(lead.assignedRepId);
        if (rep != null) {
            Instant remindAt = at.minus(REMINDER_BEFORE).isAfter(now) ? at.minus(REMINDER_BEFORE) : now;
            alerts.alert(lead, rep, "commitment-reminder", "In 5 minutes you promised: "
                    + Optional.ofNullable(commitment.note).orElse("to get in touch"), remindAt, now);
            effect += "; reminder to " + rep.name + " at " + remindAt;
        }
        return effect + "; the manager is alerted if no outcome is logged by " + commitment.breachAt;
    }

    /** An outcome logged from shortly before a commitment's time on keeps it. */
    public void outcomeLogged(Lead lead, Instant now) {
        Commitment.update("status = ?1 where leadId = ?2 and status = ?3 and promisedAt <= ?4", Commitment.Status.KEPT, lead.id,
                Commitment.Status.OPEN, now.plus(REMINDER_BEFORE));
    }

    /** @return the breach alerts it created, due now, for the fast path */
    public List<UUID> alertBreaches() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Commitment> breached = entityManager.createNativeQuery("""
                    select * from commitment where status = 'OPEN' and breach_at <= :now
                    order by breach_at limit :limit for update skip locked""", Commitment.class)
                    .setParameter("now", now).setParameter("limit", BATCH).getResultList();
            List<UUID> alertIds = new ArrayList<>();
            for (Commitment commitment : breached) {
                commitment.status = Commitment.Status.BREACHED;
                Lead lead = Lead.findById(commitment.leadId);
                Rep rep = commitment.repId == null ? null : Rep.findById(commitment.repId);
                Rep manager = Team.managerOf(rep == null ? Rep.DEFAULT_TEAM : rep.teamId);
                String what = (rep == null ? "The rep" : rep.name) + " promised a " + commitment.channel.name().toLowerCase(Locale.ROOT)
                        + " at " + commitment.promisedAt + " and logged no outcome";
                LeadEvent event = LeadEvent.of(lead.id, now, "commitment_breached", "engine", what);
                if (manager != null) {
                    alerts.alert(lead, manager, "commitment-breached", what, now).forEach(touch -> alertIds.add(touch.id));
                    event.effect = "manager " + manager.name + " alerted";
                }
                event.persist();
            }
            return alertIds;
        });
    }

    public Optional<Instant> nextBreachAt() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select min(breach_at) from commitment where status = 'OPEN'", Instant.class)
                .getResultStream().filter(Objects::nonNull).findFirst());
    }
}
