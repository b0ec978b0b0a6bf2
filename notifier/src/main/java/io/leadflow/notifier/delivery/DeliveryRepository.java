package io.leadflow.notifier.delivery;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.leadflow.contracts.TouchDue;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The delivery table. Every method runs in its own transaction, so a row is committed before the
 * caller talks to a provider. Claims are single native upserts: two instances racing on the same
 * touch cannot both win.
 */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    // A new touch, or one that was deferred earlier, can be taken; any other existing row wins.
    private static final String UPSERT = """
            INSERT INTO notifier.delivery AS d (touch_id, lead_id, channel, audience, transport, template, status,
                                                reason, provider_code, provider_message_id, attempts,
                                                created_at, updated_at, result_at, result_event_id)
            VALUES (:touchId, :leadId, :channel, :audience, :transport, :template, :status,
                    :reason, NULL, NULL, :attempts, :now, :now, :resultAt, :eventId)
            ON CONFLICT (touch_id) DO UPDATE
               SET transport = EXCLUDED.transport, template = EXCLUDED.template, status = EXCLUDED.status,
                   reason = EXCLUDED.reason, attempts = d.attempts + EXCLUDED.attempts,
                   updated_at = EXCLUDED.updated_at, result_at = EXCLUDED.result_at,
                   result_event_id = EXCLUDED.result_event_id
             WHERE d.status = 'deferred'
            """;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Delivery> find(UUID touchId) {
        return findByIdOptional(touchId);
    }

    /**
     * Commits the row as {@code sending} before the provider is called.
     *
     * @return false when the touch is already taken (sending, or final): then nothing may be sent
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(TouchDue touch, String transport, Instant now) {
        return upsert(touch, transport, DeliveryStatus.SENDING, null, 1, now, null, null);
    }

    /**
     * Records a decision not to send (skipped, deferred, failed before sending) with its result event id.
     *
     * @return false when another delivery of the same touch got there first
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordUnsent(TouchDue touch, String transport, Outcome outcome, Instant now, UUID eventId) {
        return upsert(touch, transport, outcome.status(), outcome.reason(), 0, now, outcome.at(), eventId);
    }

    /** Stores the provider's answer for a claimed touch. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Delivery complete(UUID touchId, Outcome outcome, Instant now, UUID eventId) {
        Delivery delivery = findById(touchId);
        delivery.status = outcome.status();
        delivery.reason = outcome.reason();
        delivery.providerCode = outcome.providerCode();
        delivery.providerMessageId = outcome.providerMessageId();
        delivery.resultAt = outcome.at();
        delivery.resultEventId = eventId;
        delivery.updatedAt = now;
        return delivery;
    }

    private boolean upsert(TouchDue touch, String transport, DeliveryStatus status, String reason, int attempts,
            Instant now, Instant resultAt, UUID eventId) {
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
                .setParameter("attempts", attempts, Integer.class)
                .setParameter("now", now, Instant.class)
                .setParameter("resultAt", resultAt, Instant.class)
                .setParameter("eventId", eventId, UUID.class)
                .executeUpdate();
        return rows == 1;
    }
}
