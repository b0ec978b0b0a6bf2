package io.leadflow.cadence.inbox;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.auth.Caller;
import io.leadflow.cadence.auth.SignedInRep;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.scheduling.Touch;
import io.leadflow.cadence.timeline.LeadTimeline;
import io.leadflow.cadence.timeline.TimelineService;

/**
 * What a signed-in rep may see: their own leads and the team's unclaimed (and not stopped) ones; a
 * manager sees every lead of the team; a rep covering another's call task may open that lead. Any
 * other lead looks as if it did not exist.
 */
@ApplicationScoped
public class InboxService {

    private static final int PAGE = 50;
    private static final String VISIBLE = """
            (l.assigned_rep_id = :me
             or (a.team_id = :team and (:manager or (l.claimed_by_rep_id is null and l.cadence_state <> 'STOPPED'))))""";
    // a rep who got another rep's call task (that rep went off) may open the lead to make the call
    private static final String COVERING = """
            exists (select 1 from touch t where t.lead_id = l.id and t.recipient_rep_id = :me and t.audience = 'LEAD')""";

    private final EntityManager entityManager;
    private final TimelineService timelines;
    private final ObjectMapper json;
    private final Clock clock;

    InboxService(EntityManager entityManager, TimelineService timelines, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.timelines = timelines;
        this.json = json;
        this.clock = clock;
    }

    /** The newest leads the rep may see. */
    @Transactional
    public List<LeadCard> cards(SignedInRep rep) {
        List<Lead> leads = visible("select l.* from lead l left join rep a on a.id = l.assigned_rep_id where " + VISIBLE
                + " order by l.received_at desc limit " + PAGE, rep).getResultList();
        return cardsOf(leads, rep);
    }

    /** The lead, if the rep may see it. */
    @Transactional
    public Optional<Lead> lead(UUID leadId, SignedInRep rep) {
        List<Lead> leads = visible("select l.* from lead l left join rep a on a.id = l.assigned_rep_id where l.id = :lead and ("
                + VISIBLE + " or " + COVERING + ")", rep).setParameter("lead", leadId).getResultList();
        return leads.stream().findFirst();
    }

    /** The lead a returning lead's later inquiry was merged into, if the rep may see that lead. */
    @Transactional
    public Optional<UUID> mergedInto(UUID leadId, SignedInRep rep) {
        return Optional.ofNullable(Lead.<Lead>findById(leadId)).map(inquiry -> inquiry.mergedIntoLeadId)
                .flatMap(survivor -> lead(survivor, rep)).map(survivor -> survivor.id);
    }

    /** The lead's line in this rep's inbox, if the rep may see it. */
    @Transactional
    public Optional<LeadCard> card(UUID leadId, SignedInRep rep) {
        return lead(leadId, rep).map(lead -> card(lead, rep));
    }

    /** The page of a lead the rep may see. */
    @Transactional
    public LeadView view(Lead lead, SignedInRep rep) {
        LeadCard card = card(lead, rep);
        LeadTimeline timeline = timelines.timelineOf(lead);
        List<UUID> repIds = timeline.timeline().stream().map(entry -> Caller.repOf(entry.actor()))
                .flatMap(Optional::stream).distinct().toList();
        Map<String, String> actorNames = repIds.isEmpty() ? Map.of()
                : Rep.<Rep>list("id in ?1", repIds).stream().collect(Collectors.toMap(r -> Caller.actorOf(r.id), r -> r.name));
        return LeadView.of(lead, card, card.mine() || rep.isManager(), Touch.heldBy(lead.id, rep.repId()), timeline, actorNames,
                clock.instant(), json);
    }

    /** The line of a lead the rep may see. */
    @Transactional
    public LeadCard card(Lead lead, SignedInRep rep) {
        return cardsOf(List.of(lead), rep).get(0);
    }

    private NativeQuery<Lead> visible(String sql, SignedInRep rep) {
        return entityManager.unwrap(Session.class).createNativeQuery(sql, Lead.class)
                .setParameter("me", rep.repId())
                .setParameter("team", rep.teamId())
                .setParameter("manager", rep.isManager());
    }

    private static List<LeadCard> cardsOf(List<Lead> leads, SignedInRep rep) {
        List<UUID> repIds = leads.stream().flatMap(lead -> Stream.of(lead.assignedRepId, lead.claimedByRepId))
                .filter(Objects::nonNull).distinct().toList();
        Map<UUID, String> names = repIds.isEmpty() ? Map.of()
                : Rep.<Rep>list("id in ?1", repIds).stream().collect(Collectors.toMap(r -> r.id, r -> r.name, (a, b) -> a));
        Function<UUID, String> name = id -> id == null ? null : names.getOrDefault(id, "an unknown rep");
        return leads.stream().map(lead -> new LeadCard(lead.id, displayName(lead), lead.sourceId, lead.receivedAt, lead.message,
                name.apply(lead.assignedRepId), rep.repId().equals(lead.assignedRepId), name.apply(lead.claimedByRepId),
                lead.claimDueAt, lead.cadenceState.name().toLowerCase(Locale.ROOT))).toList();
    }

    static String displayName(Lead lead) {
        return lead.fullName != null ? lead.fullName : lead.firstName != null ? lead.firstName : "Unnamed lead";
    }
}
