package io.leadflow.cadence.activity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.MessagingChannels;
import io.leadflow.cadence.messaging.CloudEventMessages;
import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.LeadActivity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes the outbox to leads.activity: right after an API action commits, and on every scheduler
 * tick for anything a crash left behind. Rows are deleted only after the broker acknowledged them,
 * so an activity may be published twice but never lost (consumers are idempotent on its id).
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Duration BROKER_ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final int BATCH = 200;

    private final EntityManager entityManager;
    private final MutinyEmitter<LeadActivity> emitter;
    private final ObjectMapper objectMapper;

    OutboxPublisher(EntityManager entityManager,
            @Channel(MessagingChannels.LEADS_ACTIVITY_OUT) MutinyEmitter<LeadActivity> emitter, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.objectMapper = objectMapper;
    }

    /** @return how many activities were published */
    public int publishPending() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxEntry> entries = entityManager.createNativeQuery(
                    "select * from outbox order by created_at limit :limit for update skip locked", OutboxEntry.class)
                    .setParameter("limit", BATCH)
                    .getResultList();
            if (entries.isEmpty()) {
                return 0;
            }
            List<Uni<Void>> acks = new ArrayList<>(entries.size());
            for (OutboxEntry entry : entries) {
                acks.add(emitter.sendMessage(
                        CloudEventMessages.of(activity(entry), entry.leadId, entry.id, EventTypes.LEAD_ACTIVITY)));
            }
            Uni.join().all(acks).andFailFast().await().atMost(BROKER_ACK_TIMEOUT);
            entries.forEach(OutboxEntry::delete);
            return entries.size();
        });
    }

    private LeadActivity activity(OutboxEntry entry) {
        try {
            return objectMapper.readValue(entry.payloadJson, LeadActivity.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox entry " + entry.id + " is not a lead activity", e);
        }
    }
}
