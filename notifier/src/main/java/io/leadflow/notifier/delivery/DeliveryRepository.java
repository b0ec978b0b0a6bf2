package io.leadflow.notifier.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.leadflow.contracts.TouchDue;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The delivery table. Every method runs in its own transaction (except {@link #start}, which joins
 * its caller's, committed before any provider call), so a row is committed before the caller talks
 * to a provider. Claims are single native upserts: two instances racing on the same
 * touch cannot both win.
 */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    // A new touch, or one that was deferred earlier, can be taken; any other existing row wins.
    private static final String UPSERT = """
            INSERT INTO notifier.delivery AS d (touch_id, lead_id, channel, audience, transport, template, status,
                                                reason, provider_code, provider_message_id, attempts,
                                                created_at, updated_at, result_at, result_event_id, payload,
                                                next_attempt_at, priority)
            VALUES (:touchId, :leadId, :channel, :audience, :transport, :template, :status,
                    :reason, NULL, NULL, 0, :now, :now, :resultAt, :eventId, :payload, :nextAttemptAt, :priority)
            ON CONFLICT (touch_id) DO UPDATE
               SET transport = EXCLUDED.transport, template = EXCLUDED.template, status = EXCLUDED.status,
                   reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at, result_at = EXCLUDED.result_at,
                   result_event_id = EXCLUDED.result_event_id, payload = EXCLUDED.payload,
                   next_attempt_at = EXCLUDED.next_attempt_at, priority = EXCLUDED.priority
             WHERE d.status = 'deferred'
            """;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Delivery> find(UUID touchId) {
        return findByIdOptional(touchId);
    }

    /**
     * Commits a new touch as queued ({@code retrying}, due at {@code dueAt}) for a sender thread to
     * {@link #start}; should the process die first, the retry poller sends it once it is due. A text
     * that waits for its number's pace is queued the same way, with reason {@code paced}, for the
     * retry poller only.
     *
     * @param payload  the touch as JSON, kept until the row is final so that retries need no Kafka record
     * @param priority a first touch or rep alert: the retry poller takes it before nurture touches
     * @param reason   null, or why it waits ({@code paced})
     * @return false when the touch is already taken (sending, retrying or final): then nothing may be sent
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean queue(TouchDue touch, String transport, String payload, boolean priority, String reason,
            Instant dueAt, Instant now) {
        return upsert(touch, transport, DeliveryStatus.RETRYING, reason, now, null, null, payload, dueAt, priority);
    }

    /**
     * Marks a queued touch {@code sending}, right before the provider is called; in the caller's
     * transaction when there is one (it must commit before the call).
     *
     * @return false when someone else (the retry poller) took it first
     */
    @Transactional
    public boolean start(UUID touchId, Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE notifier.delivery SET status = 'sending', next_attempt_at = NULL, updated_at = :now
                 WHERE touch_id = :touchId AND status = 'retrying'""")
                .setParameter("now", now)
                .setParameter("touchId", touchId)
                .executeUpdate() == 1;
    }

    /**
     * Records a decision not to send (skipped, deferred, failed before sending) with its result event id.
     *
     * @return false when another delivery of the same touch got there first
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordUnsent(TouchDue touch, String transport, Outcome outcome, Instant now, UUID eventId) {
        return upsert(touch, transport, outcome.status(), outcome.reason(), now, outcome.at(), eventId, null, null,
                false);
    }

    /**
     * Stores the final outcome of a claimed touch and forgets its payload.
     *
     * @param providerCalled whether this outcome came from a provider call (counted in {@code attempts})
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Delivery complete(UUID touchId, Outcome outcome, boolean providerCalled, Instant now, UUID eventId) {
        // one statement (no read first): the row as stored comes back for the result to publish
        return (Delivery) getEntityManager().createNativeQuery("""
                UPDATE notifier.delivery
                   SET status = :status, reason = :reason, provider_code = :providerCode,
                       provider_message_id = :providerMessageId, provider = :provider, result_at = :resultAt,
                       result_event_id = :eventId, updated_at = :now, next_attempt_at = NULL, payload = NULL,
                       attempts = attempts + :calls
                 WHERE touch_id = :touchId
                RETURNING *""", Delivery.class).unwrap(NativeQuery.class)
                .setParameter("status", outcome.status().dbValue(), String.class)
                .setParameter("reason", outcome.reason(), String.class)
                .setParameter("providerCode", outcome.providerCode(), String.class)
                .setParameter("providerMessageId", outcome.providerMessageId(), String.class)
                .setParameter("provider", outcome.provider(), String.class)
                .setParameter("resultAt", outcome.at(), Instant.class)
                .setParameter("eventId", eventId, UUID.class)
                .setParameter("now", now, Instant.class)
                .setParameter("calls", providerCalled ? 1 : 0, Integer.class)
                .setParameter("touchId", touchId, UUID.class)
                .getSingleResult();
    }

    /** @return whether the status moved forward (a callback out of order or repeated does not) */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean advanceProviderStatus(UUID touchId, ProviderStatus status) {
        return getEntityManager().createNativeQuery("""
                UPDATE notifier.delivery SET provider_status = :status, provider_status_rank = :rank
                 WHERE touch_id = :touchId AND provider_status_rank < :rank""")
                .setParameter("status", status.dbValue()).setParameter("rank", status.rank())
                .setParameter("touchId", touchId).executeUpdate() == 1;
    }

    /**
     * Leaves a claimed touch for the retry poller, to be tried again at {@code nextAttemptAt}.
     *
     * @param failingSince when the provider failure that makes it wait began (kept when the row has
     *                     one already), or null when it waits for no failure (its number's pace)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Delivery scheduleRetry(UUID touchId, Outcome outcome, boolean providerCalled, Instant nextAttemptAt,
            Instant now, Instant failingSince) {
        Delivery delivery = findById(touchId);
        if (delivery.failingSince == null) {
            delivery.failingSince = failingSince;
        }
        delivery.status = DeliveryStatus.RETRYING;
        delivery.reason = outcome.reason();
        delivery.providerCode = outcome.providerCode();
        delivery.nextAttemptAt = nextAttemptAt;
        delivery.updatedAt = now;
        delivery.attempts += providerCalled ? 1 : 0;
        return delivery;
    }

    /**
     * Claims up to {@code limit} retries that are due, first touches and rep alerts first, for the
     * given transports only (the others' circuits are open), and marks them {@code sending}.
     * {@code SKIP LOCKED}: several instances share the work and never take the same touch.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Delivery> claimDueRetries(Collection<String> transports, int limit, Instant now) {
        if (transports.isEmpty()) {
            return List.of();
        }
        List<Delivery> due = lock("""
                SELECT * FROM notifier.delivery
                 WHERE status = 'retrying' AND next_attempt_at <= :now AND transport IN (:transports)
                 ORDER BY priority DESC, next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""",
                Map.of("now", now, "transports", transports, "limit", limit));
        for (Delivery delivery : due) {
            delivery.status = DeliveryStatus.SENDING;
            delivery.nextAttemptAt = null;
            delivery.updatedAt = now;
        }
        return due;
    }

    /**
     * Claims up to {@code limit} sends that have been {@code sending} since before {@code cutoff}:
     * their process died during the provider call. Touching {@code updated_at} keeps another
     * instance from taking them while the caller applies the in-doubt policy.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Delivery> claimInDoubt(Instant cutoff, int limit, Instant now) {
        List<Delivery> inDoubt = lock("""
                SELECT * FROM notifier.delivery
                 WHERE status = 'sending' AND updated_at < :cutoff
                 ORDER BY updated_at LIMIT :limit FOR UPDATE SKIP LOCKED""", Map.of("cutoff", cutoff, "limit", limit));
        inDoubt.forEach(delivery -> delivery.updatedAt = now);
        return inDoubt;
    }

    @SuppressWarnings("unchecked")
    private List<Delivery> lock(String sql, Map<String, Object> parameters) {
        var query = getEntityManager().createNativeQuery(sql, Delivery.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private boolean upsert(TouchDue touch, String transport, DeliveryStatus status, String reason,
            Instant now, Instant resultAt, UUID eventId, String payload, Instant nextAttemptAt, boolean priority) {
        // typed parameters: a null must still be bound with its column's type
        int rows = getEntityManager().createNativeQuery(UPSERT).unwrap(NativeQuery.class)
                .setParameter("touchId", touch.touchId(), UUID.class)
                .setParameter("leadId", touch.leadId(), UUID.class)
                .setParameter("channel", touch.channel().name().toLowerCase(Locale.ROOT), String.class)
                .setParameter("audience", touch.audienceOrDefault().name().toLowerCase(Locale.ROOT), String.class)
                .setParameter("transport", transport, String.class)
                .setParameter("template", touch.template(), String.class)
                .setParameter("status", status.dbValue(), String.class)
                .setParameter("reason", reason, String.class)
                .setParameter("now", now, Instant.class)
                .setParameter("resultAt", resultAt, Instant.class)
                .setParameter("eventId", eventId, UUID.class)
                .setParameter("payload", payload, String.class)
                .setParameter("nextAttemptAt", nextAttemptAt, Instant.class)
                .setParameter("priority", priority, Boolean.class)
                .executeUpdate();
        return rows == 1;
    }
}
