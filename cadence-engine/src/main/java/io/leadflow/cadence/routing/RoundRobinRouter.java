package io.leadflow.cadence.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Picks the active rep of a team who was assigned a lead least recently. Safe with several engine
 * instances: the pick locks the team's row until the assignment commits, so concurrent leads wait
 * their turn (a few milliseconds) instead of finding every rep locked and going without one.
 */
@ApplicationScoped
public class RoundRobinRouter {

    private final EntityManager entityManager;

    RoundRobinRouter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Must run inside the transaction that stores the assignment; call it late, the lock lasts to the commit. */
    public Optional<Rep> nextRep(String teamId, Instant now) {
        return nextRep(teamId, now, null);
    }

    /** The same, never picking {@code excluded} (the rep an escalation takes the lead from). */
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
