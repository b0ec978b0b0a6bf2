package io.leadflow.intake.lead;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.intake.config.IntakeConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes {@code leads.received}: key = lead id, CloudEvents attributes in binary mode. */
@ApplicationScoped
public class LeadPublisher {

    static final String SOURCE_PREFIX = "/leadflow/lead-intake/";

    private final MutinyEmitter<LeadReceived> emitter;
    private final Duration timeout;

    @Inject
    public LeadPublisher(@Channel(Topics.LEADS_RECEIVED) MutinyEmitter<LeadReceived> emitter, IntakeConfig config) {
        this(emitter, config.publishTimeout());
    }

    LeadPublisher(MutinyEmitter<LeadReceived> emitter, Duration timeout) {
        this.emitter = emitter;
        this.timeout = timeout;
    }

    /** Completes once the broker acknowledged the record (acks=all); fails with {@link BrokerUnavailableException}. */
    public Uni<Void> publish(LeadReceived lead) {
        String key = lead.leadId().toString();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(key)
                .build();
        OutgoingCloudEventMetadata<LeadReceived> cloudEvent = OutgoingCloudEventMetadata.<LeadReceived> builder()
                .withId(UUID.randomUUID().toString())
                .withType(EventTypes.LEAD_RECEIVED)
                .withSource(URI.create(SOURCE_PREFIX + lead.sourceId()))
                .withSubject(key)
                .withTimestamp(lead.receivedAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        Message<LeadReceived> message = Message.of(lead, Metadata.of(record, cloudEvent));
        // deferred: an emitter that refuses the message (overflow, channel down) becomes a failed Uni, not a throw
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(timeout)
                .failWith(() -> new BrokerUnavailableException("no broker acknowledgement within " + timeout, null))
                .onFailure(failure -> !(failure instanceof BrokerUnavailableException))
                .transform(failure -> new BrokerUnavailableException("the broker refused or lost the record", failure));
    }
}
