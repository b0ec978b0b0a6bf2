package io.leadflow.cadence.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Picks the active rep of a team who was assigned a lead least recently. Safe with several engine
 * instances: the pick locks the team's row, so concurrent leads wait their turn instead of finding
 * every rep locked and going without one. The pick commits on its own, so the lock lasts two
 * statements, not the caller's whole registration: held to the caller's commit, it made every
 * lead of a team wait for the one before it to plan and store its cadence (the bench's top wait).
 * A caller that rolls back afterwards has cost that rep one turn.
 */
@ApplicationScoped
public class RoundRobinRouter {

    private final EntityManager entityManager;

    RoundRobinRouter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Rep> nextRep(String teamId, Instant now) {
        return nextRep(teamId, now, null);
    }

    /** The same, never picking {@code excluded} (the rep an escalation takes the lead from). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Rep> nextRep(String teamId, Instant now, UUID excluded) {
        entityManager.createNativeQuery("select id from team where id = :team for update")
                .setParameter("team", teamId)
                .getResultList();
        List<UUID> picked = entityManager.unwrap(Session.class).createNativeQuery("""
                update rep set last_assigned_at = :now, last_assignment_seq = nextval('rep_assignment_seq')
                where id = (select id from rep
                            where active and role = 'rep' and team_id = :team and id is distinct from :excluded
                            order by last_assignment_seq nulls first, id
                            limit 1)
                returning id""", UUID.class)
                .setParameter("now", now)
                .setParameter("team", teamId)
                .setParameter("excluded", excluded, UUID.class)
                .getResultList();
        return picked.stream().findFirst().map(id -> Rep.<Rep>findById(id));
    }
}
