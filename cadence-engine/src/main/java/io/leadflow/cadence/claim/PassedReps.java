package io.leadflow.cadence.claim;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The reps a lead passed from without claiming it (the claim SLA ran out, or they went off): its
 * escalations never offer it to them again.
 */
@ApplicationScoped
class PassedReps {

    private final EntityManager entityManager;

    PassedReps(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void record(UUID leadId, UUID repId, Instant now) {
        entityManager.createNativeQuery("""
                insert into lead_passed_rep (lead_id, rep_id, passed_at) values (:lead, :rep, :now)
                on conflict do nothing""")
                .setParameter("lead", leadId)
                .setParameter("rep", repId)
                .setParameter("now", now)
                .executeUpdate();
    }

    Set<UUID> of(UUID leadId) {
        List<?> passedFrom = entityManager.createNativeQuery("select rep_id from lead_passed_rep where lead_id = :lead", UUID.class)
                .setParameter("lead", leadId)
                .getResultList();
        return passedFrom.stream().map(UUID.class::cast).collect(Collectors.toUnmodifiableSet());
    }
}
