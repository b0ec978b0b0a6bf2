package io.leadflow.notifier.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.leadflow.notifier.NotifierConfig;

/**
 * The sending number of each lead: one of its source's pool (or the default pool), chosen on the
 * lead's first text and kept in {@code lead_sender} for the whole cadence, across restarts. A lead
 * whose number has left the pool is given another one.
 */
@ApplicationScoped
public class FromNumbers {

    private static final Logger LOG = Logger.getLogger(FromNumbers.class);

    private final EntityManager em;
    private final NotifierConfig.Sms config;
    private final List<String> defaultPool;

    public FromNumbers(EntityManager em, NotifierConfig config) {
        this.em = em;
        this.config = config.sms();
        this.defaultPool = this.config.fromNumbers().filter(pool -> !pool.isEmpty())
                .orElse(List.of(this.config.fromNumber()));
    }

    /** The lead's number, assigned now when it has none (or its number was taken out of the pool). */
    @Transactional
    public String assignedTo(UUID leadId, String sourceId, Instant now) {
        List<String> pool = poolOf(sourceId);
        Optional<String> assigned = stored(leadId);
        if (assigned.isPresent() && pool.contains(assigned.get())) {
            return assigned.get();
        }
        String candidate = candidate(leadId, pool);
        if (assigned.isEmpty()) {
            em.createNativeQuery("""
                    INSERT INTO notifier.lead_sender (lead_id, from_number, assigned_at) VALUES (:leadId, :number, :now)
                    ON CONFLICT (lead_id) DO NOTHING""")
                    .setParameter("leadId", leadId).setParameter("number", candidate).setParameter("now", now)
                    .executeUpdate();
        } else {
            LOG.infof("lead %s: its sending number left the pool; another one takes over", leadId);
            em.createNativeQuery("""
                    UPDATE notifier.lead_sender SET from_number = :number, assigned_at = :now
                     WHERE lead_id = :leadId AND from_number = :old""")
                    .setParameter("leadId", leadId).setParameter("number", candidate).setParameter("now", now)
                    .setParameter("old", assigned.get()).executeUpdate();
        }
        // whoever won a race for this lead decides
        return stored(leadId).orElse(candidate);
    }

    /** The number the lead would be texted from, without assigning it (for previews). */
    @Transactional
    public String peek(UUID leadId, String sourceId) {
        List<String> pool = poolOf(sourceId);
        return stored(leadId).filter(pool::contains).orElseGet(() -> candidate(leadId, pool));
    }

    /** The number answers outside a lead's cadence go out from when the person texted none of ours. */
    public String defaultNumber() {
        return defaultPool.get(0);
    }

    public boolean isOurs(String number) {
        return number != null && (defaultPool.contains(number)
                || config.sources().values().stream().anyMatch(pool -> pool.fromNumbers().contains(number)));
    }

    List<String> poolOf(String sourceId) {
        NotifierConfig.SourcePool pool = sourceId == null ? null : config.sources().get(sourceId);
        return pool == null || pool.fromNumbers().isEmpty() ? defaultPool : pool.fromNumbers();
    }

    /** Spreads leads evenly over the pool; the same lead always lands on the same number. */
    private static String candidate(UUID leadId, List<String> pool) {
        return pool.get(Math.floorMod(leadId.hashCode(), pool.size()));
    }

    @SuppressWarnings("unchecked")
    private Optional<String> stored(UUID leadId) {
        List<String> numbers = em.createNativeQuery(
                "SELECT from_number FROM notifier.lead_sender WHERE lead_id = :leadId", String.class)
                .setParameter("leadId", leadId).getResultList();
        return numbers.stream().findFirst();
    }
}
