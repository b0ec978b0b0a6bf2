package io.leadflow.cadence.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Picks the active rep who was assigned a lead least recently. Safe with several engine instances. */
@ApplicationScoped
public class RoundRobinRouter {

    private final EntityManager entityManager;

    RoundRobinRouter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Must run inside the transaction that stores the assignment. */
    public Optional<Rep> nextRep(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> picked = entityManager.createNativeQuery("""
                update rep set last_assigned_at = :now
                where id = (select id from rep where active
                            order by last_assigned_at nulls first, id
                            limit 1 for update skip locked)
                returning id""", UUID.class)
                .setParameter("now", now)
                .getResultList();
        return picked.stream().findFirst().map(id -> Rep.<Rep>findById(id));
    }
}
