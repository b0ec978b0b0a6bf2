package io.leadflow.cadence.returning;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.leadflow.cadence.EngineConfig;
import io.leadflow.cadence.lead.Lead;

/**
 * Who a phone number or email address belongs to. Claiming an identity in the lead's own
 * transaction is what makes merging race-free: a second registration of the same person waits on
 * the identity's row until the first commits, then finds the first lead as the owner.
 */
@ApplicationScoped
class ContactIdentities {

    private final EntityManager entityManager;
    private final Duration window;

    ContactIdentities(EntityManager entityManager, EngineConfig config) {
        this.entityManager = entityManager;
        this.window = config.returningLeadWindow();
    }

    /**
     * Claims the lead's phone, then its email (always in that order, so two registrations never
     * wait on each other in a cycle). An identity whose owner's last inquiry is older than the
     * window passes to this lead.
     *
     * @return the earlier lead this one is the same person as, with the identity that matched
     */
    Optional<Match> claim(Lead lead) {
        Optional<Match> byPhone = claim(lead, "phone", lead.phoneE164);
        Optional<Match> byEmail = claim(lead, "email", lead.email == null ? null : lead.email.strip().toLowerCase(Locale.ROOT));
        return byPhone.or(() -> byEmail);
    }

    /** The identities this lead claimed now belong to the lead it was merged into. */
    void handOver(Lead merged, UUID survivorId) {
        entityManager.createNativeQuery("update contact_identity set lead_id = :survivor where lead_id = :merged")
                .setParameter("survivor", survivorId)
                .setParameter("merged", merged.id)
                .executeUpdate();
    }

    private Optional<Match> claim(Lead lead, String kind, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        UUID owner = (UUID) entityManager.createNativeQuery("""
                insert into contact_identity as known (kind, value, lead_id, last_inquiry_at)
                values (:kind, :value, :lead, :at)
                on conflict (kind, value) do update
                   set lead_id = case when known.last_inquiry_at < :expired then excluded.lead_id else known.lead_id end,
                       last_inquiry_at = greatest(known.last_inquiry_at, excluded.last_inquiry_at)
                returning lead_id""", UUID.class)
                .setParameter("kind", kind)
                .setParameter("value", value)
                .setParameter("lead", lead.id)
                .setParameter("at", lead.receivedAt)
                .setParameter("expired", lead.receivedAt.minus(window))
                .getSingleResult();
        return owner.equals(lead.id) ? Optional.empty() : Optional.of(new Match(owner, kind));
    }

    /** @param identity {@code phone} or {@code email}: what the two inquiries have in common */
    record Match(UUID earlierLeadId, String identity) {
    }
}
