package io.leadflow.intake.idempotency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The first answer to each request that carried an {@code Idempotency-Key} (or a platform's own lead id),
 * remembered until it expires. Native SQL: the upsert replaces only an expired record, so two racing first
 * requests keep the first one's answer.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What was answered the first time. */
    public record FirstAnswer(String bodyHash, UUID leadId, Instant receivedAt) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional
    public Optional<FirstAnswer> find(String sourceId, String key, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT body_hash, lead_id, received_at FROM idempotency_record
                WHERE source_id = ?1 AND key = ?2 AND expires_at > ?3
                """)
                .setParameter(1, sourceId)
                .setParameter(2, key)
                .setParameter(3, now)
                .getResultList();
        return rows.stream().findFirst()
                .map(row -> new FirstAnswer((String) row[0], (UUID) row[1], toInstant(row[2])));
    }

    /** Remembers the answer unless an unexpired one is already there (then the first one stands). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String sourceId, String key, FirstAnswer answer, Instant expiresAt) {
        entityManager.createNativeQuery("""
                INSERT INTO idempotency_record (source_id, key, body_hash, lead_id, received_at, expires_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (source_id, key) DO UPDATE
                  SET body_hash = EXCLUDED.body_hash, lead_id = EXCLUDED.lead_id,
                      received_at = EXCLUDED.received_at, expires_at = EXCLUDED.expires_at
                  WHERE idempotency_record.expires_at <= EXCLUDED.received_at
                """)
                .setParameter(1, sourceId)
                .setParameter(2, key)
                .setParameter(3, answer.bodyHash())
                .setParameter(4, answer.leadId())
                .setParameter(5, answer.receivedAt())
                .setParameter(6, expiresAt)
                .executeUpdate();
    }

    @Transactional
    public int purgeExpired(Instant now) {
        return entityManager.createNativeQuery("DELETE FROM idempotency_record WHERE expires_at <= ?1")
                .setParameter(1, now)
                .executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
