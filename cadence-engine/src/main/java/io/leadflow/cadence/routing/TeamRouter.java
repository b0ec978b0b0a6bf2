package io.leadflow.cadence.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.leadflow.cadence.settings.CadenceSettings;

/**
 * Picks a lead's rep with its source's strategy ({@link RepPicks} decides, this class locks, loads and
 * stores). Safe with several engine instances: a pick locks its team's row, so concurrent leads wait
 * their turn instead of finding every rep locked and going without one. A pick commits on its own, so
 * the lock lasts a few statements, not the caller's whole registration: held to the caller's commit,
 * it made every lead of a team wait for the one before it to plan and store its cadence (the bench's
 * top wait). A caller that rolls back afterwards has cost that rep one turn.
 */
@ApplicationScoped
public class TeamRouter {

    private static final String NO_RULE_MATCHED = "rules: no rule matched; ";

    private final EntityManager entityManager;

    TeamRouter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A new lead's rep and why; empty when the team has nobody to take it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<RepPicks.Pick> route(CadenceSettings source, LeadFacts lead, Instant now) {
        if (source.routing() == RoutingStrategy.RULES) {
            return byRules(source, lead, now);
        }
        return inTeam(source.teamId(), source.routing(), now, Set.of());
    }

    /**
     * The team a source's lead escalates in: for {@code rules}, the team of the rule the lead matches if
     * that rule names a team; else (every other strategy, a rule naming a rep, no rule matching) the source's team.
     */
    public String escalationTeam(CadenceSettings source, LeadFacts lead) {
        Optional<RoutingRule> matched = source.routing() == RoutingStrategy.RULES ? matching(source, lead) : Optional.empty();
        return matched.map(RoutingRule::teamId).orElse(source.teamId());
    }

    /**
     * An escalation's next rep in the {@link #escalationTeam}, never one of {@code hadIt} (the reps the lead
     * passed from, its current rep included), by the source's strategy: {@code weighted} the smooth weighted round robin over the
     * others; {@code availability} the next in turn who is on and within hours, else the on-call rep;
     * {@code round-robin} and {@code rules} the next in turn who is on. Never the manager: an escalation
     * ends with them by its own rule.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<RepPicks.Pick> nextRep(CadenceSettings source, LeadFacts lead, Set<UUID> hadIt, Instant now) {
        if (source.routing() != RoutingStrategy.RULES) {
            return inTeam(source.teamId(), source.routing(), now, hadIt).filter(pick -> pick.rep().role == RepRole.rep);
        }
        Optional<RoutingRule> matched = matching(source, lead);
        Optional<RoutingRule> teamRule = matched.filter(rule -> rule.teamId() != null);
        if (teamRule.isPresent()) {
            return inRuleTeam(teamRule.get(), now, hadIt);
        }
        String because = matched.map(rule -> "rules: " + rule.describe() + " named a rep; ").orElse(NO_RULE_MATCHED);
        return inTeam(source.teamId(), RoutingStrategy.ROUND_ROBIN, now, hadIt).map(pick -> explained(because, pick));
    }

    /**
     * The team's next available rep (else on-call, else manager), never {@code excluded} (a rep going
     * off), in the caller's transaction: one that switches a rep off holds the team's lock from
     * {@link #lockTeam} on, taken before the rep's row, in the order every pick takes them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RepPicks.Pick> nextAvailableRep(String teamId, Instant now, UUID excluded) {
        return inTeam(teamId, RoutingStrategy.AVAILABILITY, now, Set.of(excluded));
    }

    /** Holds the team's row until the caller's commit; picks in other transactions wait for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockTeam(String teamId) {
        entityManager.createNativeQuery("select id from team where id = :team for update")
                .setParameter("team", teamId)
                .getResultList();
    }

    private Optional<RepPicks.Pick> byRules(CadenceSettings source, LeadFacts lead, Instant now) {
        Optional<RoutingRule> matched = matching(source, lead);
        if (matched.isEmpty()) {
            return inTeam(source.teamId(), RoutingStrategy.ROUND_ROBIN, now, Set.of())
                    .map(pick -> explained(NO_RULE_MATCHED, pick));
        }
        RoutingRule rule = matched.get();
        if (rule.repId() != null) {
            Rep rep = Rep.findById(rule.repId());
            if (rep != null && rep.active && rep.onDuty) {
                markAssigned(rep, now);
                return Optional.of(new RepPicks.Pick(rep, "rules: " + rule.describe() + " → " + rep.name));
            }
            String because = "rules: " + rule.describe() + " → " + (rep == null ? "a rep no longer there" : rep.name + ", who is off") + "; ";
            return inTeam(rep == null ? source.teamId() : rep.teamId, RoutingStrategy.ROUND_ROBIN, now, Set.of())
                    .map(pick -> explained(because, pick));
        }
        return inRuleTeam(rule, now, Set.of());
    }

    private static Optional<RoutingRule> matching(CadenceSettings source, LeadFacts lead) {
        return source.routingRules().stream().filter(rule -> rule.matches(lead)).findFirst();
    }

    private Optional<RepPicks.Pick> inRuleTeam(RoutingRule rule, Instant now, Set<UUID> excluded) {
        Team team = Team.findById(rule.teamId());
        return inTeam(rule.teamId(), RoutingStrategy.ROUND_ROBIN, now, excluded)
                .map(pick -> explained("rules: " + rule.describe() + " → team " + team.name + "; ", pick));
    }

    private Optional<RepPicks.Pick> inTeam(String teamId, RoutingStrategy strategy, Instant now, Set<UUID> excluded) {
        lockTeam(teamId);
        Team team = Team.findById(teamId);
        if (team == null) {
            return Optional.empty();
        }
        List<Rep> rotation = rotation(teamId).stream().filter(rep -> !excluded.contains(rep.id)).toList();
        Optional<RepPicks.Pick> pick = switch (strategy) {
            case WEIGHTED -> RepPicks.weighted(rotation);
            case AVAILABILITY -> RepPicks.available(rotation, now, takingLeads(team.onCallRepId, excluded),
                    takingLeads(team.managerRepId, excluded));
            case ROUND_ROBIN, RULES -> RepPicks.roundRobin(rotation, team.name);
        };
        pick.ifPresent(picked -> markAssigned(picked.rep(), now));
        return pick;
    }

    /** The team's reps (not its manager), least recently assigned first, off ones included. */
    private List<Rep> rotation(String teamId) {
        return entityManager.unwrap(Session.class).createNativeQuery("""
                select * from rep
                where active and role = 'rep' and team_id = :team
                order by last_assignment_seq nulls first, id""", Rep.class)
                .setParameter("team", teamId)
                .getResultList();
    }

    private static Rep takingLeads(UUID repId, Set<UUID> excluded) {
        return repId == null || excluded.contains(repId) ? null
                : Rep.<Rep>findByIdOptional(repId).filter(rep -> rep.active).orElse(null);
    }

    /** The rotation's order: a sequence taken under the team lock is monotonic, clock readings are not. */
    private void markAssigned(Rep rep, Instant now) {
        rep.lastAssignedAt = now;
        rep.lastAssignmentSeq = ((Number) entityManager.createNativeQuery("select nextval('rep_assignment_seq')")
                .getSingleResult()).longValue();
    }

    private static RepPicks.Pick explained(String because, RepPicks.Pick pick) {
        return new RepPicks.Pick(pick.rep(), because + pick.reason());
    }
}
