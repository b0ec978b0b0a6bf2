package io.leadflow.notifier.optout;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The suppression list (with its audit trail), the contact book and the leads' stop state; native SQL. */
@ApplicationScoped
public class OptOutRepository {

    private final EntityManager em;

    public OptOutRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public boolean isSuppressed(String channel, String addressHash) {
        return !em.createNativeQuery("SELECT 1 FROM notifier.suppression WHERE channel = :channel AND address_hash = :hash")
                .setParameter("channel", channel).setParameter("hash", addressHash).getResultList().isEmpty();
    }

    /** @return false when the address was suppressed already */
    @Transactional
    public boolean suppress(String channel, String addressHash, String reason, String actor, Instant now) {
        int added = em.createNativeQuery("""
                INSERT INTO notifier.suppression (channel, address_hash, reason, created_at)
                VALUES (:channel, :hash, :reason, :now) ON CONFLICT DO NOTHING""")
                .setParameter("channel", channel).setParameter("hash", addressHash)
                .setParameter("reason", reason).setParameter("now", now).executeUpdate();
        if (added == 1) {
            audit(channel, addressHash, "add", reason, actor, now);
        }
        return added == 1;
    }

    /** @return false when the address was not suppressed */
    @Transactional
    public boolean unsuppress(String channel, String addressHash, String reason, String actor, Instant now) {
        int removed = em.createNativeQuery("DELETE FROM notifier.suppression WHERE channel = :channel AND address_hash = :hash")
                .setParameter("channel", channel).setParameter("hash", addressHash).executeUpdate();
        if (removed == 1) {
            audit(channel, addressHash, "remove", reason, actor, now);
        }
        return removed == 1;
    }

    @Transactional
    public void rememberContact(String channel, String addressHash, UUID leadId, Instant now) {
        em.createNativeQuery("""
                INSERT INTO notifier.lead_contact (channel, address_hash, lead_id, last_touch_at)
                VALUES (:channel, :hash, :leadId, :now)
                ON CONFLICT (channel, address_hash, lead_id) DO UPDATE SET last_touch_at = EXCLUDED.last_touch_at""")
                .setParameter("channel", channel).setParameter("hash", addressHash)
                .setParameter("leadId", leadId).setParameter("now", now).executeUpdate();
    }

    /** The leads this address belongs to, the most recently contacted first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> leadsOf(String channel, String addressHash) {
        return em.createNativeQuery("""
                SELECT lead_id FROM notifier.lead_contact WHERE channel = :channel AND address_hash = :hash
                 ORDER BY last_touch_at DESC""", UUID.class)
                .setParameter("channel", channel).setParameter("hash", addressHash).getResultList();
    }

    /** The lead's stop on this channel: {@code all} (it replied) wins over a channel opt-out. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<String> stoppedOn(UUID leadId, String channel) {
        List<String> channels = em.createNativeQuery("""
                SELECT channel FROM notifier.lead_stop WHERE lead_id = :leadId AND channel IN ('all', :channel)
                 ORDER BY channel = 'all' DESC""", String.class)
                .setParameter("leadId", leadId).setParameter("channel", channel).getResultList();
        return channels.stream().findFirst();
    }

    @Transactional
    public void stop(UUID leadId, String channel, String reason, UUID activityId, Instant at) {
        em.createNativeQuery("""
                INSERT INTO notifier.lead_stop (lead_id, channel, reason, activity_id, at)
                VALUES (:leadId, :channel, :reason, :activityId, :at) ON CONFLICT (lead_id, channel) DO NOTHING""")
                .setParameter("leadId", leadId).setParameter("channel", channel).setParameter("reason", reason)
                .setParameter("activityId", activityId).setParameter("at", at).executeUpdate();
    }

    @Transactional
    public void resume(UUID leadId, List<String> channels) {
        em.createNativeQuery("DELETE FROM notifier.lead_stop WHERE lead_id = :leadId AND channel IN (:channels)")
                .setParameter("leadId", leadId).setParameter("channels", channels).executeUpdate();
    }

    /** One suppressed address: why and since when. */
    public record Suppression(String channel, String addressHash, String reason, Instant since) {
    }

    /** One change to the suppression list. */
    public record AuditEntry(String action, String reason, String actor, Instant at) {
    }

    @Transactional
    public Optional<Suppression> suppression(String channel, String addressHash) {
        return suppressions("WHERE channel = :channel AND address_hash = :hash", 1,
                Map.of("channel", channel, "hash", addressHash)).stream().findFirst();
    }

    /** The newest first. */
    @Transactional
    public List<Suppression> suppressions(int limit) {
        return suppressions("", limit, Map.of());
    }

    @Transactional
    public List<AuditEntry> auditTrail(String channel, String addressHash) {
        List<?> rows = em.createNativeQuery("""
                SELECT action, reason, actor, at FROM notifier.suppression_audit
                 WHERE channel = :channel AND address_hash = :hash ORDER BY at, id""")
                .setParameter("channel", channel).setParameter("hash", addressHash).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new AuditEntry((String) row[0], (String) row[1], (String) row[2], instant(row[3]))).toList();
    }

    private List<Suppression> suppressions(String where, int limit, Map<String, Object> parameters) {
        var query = em.createNativeQuery("SELECT channel, address_hash, reason, created_at FROM notifier.suppression "
                + where + " ORDER BY created_at DESC LIMIT :limit").setParameter("limit", limit);
        parameters.forEach(query::setParameter);
        List<?> rows = query.getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new Suppression((String) row[0], (String) row[1], (String) row[2], instant(row[3]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    private void audit(String channel, String addressHash, String action, String reason, String actor, Instant now) {
        em.createNativeQuery("""
                INSERT INTO notifier.suppression_audit (channel, address_hash, action, reason, actor, at)
                VALUES (:channel, :hash, :action, :reason, :actor, :now)""")
                .setParameter("channel", channel).setParameter("hash", addressHash).setParameter("action", action)
                .setParameter("reason", reason).setParameter("actor", actor).setParameter("now", now).executeUpdate();
    }
}
