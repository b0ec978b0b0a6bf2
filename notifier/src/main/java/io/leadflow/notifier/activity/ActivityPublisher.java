package io.leadflow.notifier.activity;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.LeadActivity;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes what a person did (reply, opt-out, opt-in) on {@code leads.activity}, and waits for the broker's ack. */
@ApplicationScoped
public class ActivityPublisher {

    /** The outgoing channel; the incoming one on the same topic is {@link LeadActivityConsumer#CHANNEL}. */
    static final String CHANNEL = "leads-activity-out";
    private static final URI SOURCE = URI.create("leadflow/notifier");

    private final MutinyEmitter<LeadActivity> emitter;
    private final Clock clock;

    public ActivityPublisher(@Channel(CHANNEL) MutinyEmitter<LeadActivity> emitter, Clock clock) {
        this.emitter = emitter;
        this.clock = clock;
    }

    public LeadActivity publish(UUID leadId, ActivityKind kind, io.leadflow.contracts.Channel channel, String actor,
            Map<String, String> detail) {
        return publish(UUID.randomUUID(), leadId, kind, channel, actor, detail);
    }

    /**
     * @param activityId the event id: the same one for the same thing done, so that publishing it again (after a
     *                   crash before we could record it) is recognised downstream as a duplicate
     */
    public LeadActivity publish(UUID activityId, UUID leadId, ActivityKind kind, io.leadflow.contracts.Channel channel,
            String actor, Map<String, String> detail) {
        LeadActivity activity = new LeadActivity(activityId, leadId, kind, channel, actor, clock.instant(), detail);
        OutgoingCloudEventMetadata<LeadActivity> cloudEvent = OutgoingCloudEventMetadata.<LeadActivity> builder()
                .withId(activity.activityId().toString())
                .withType(EventTypes.LEAD_ACTIVITY)
                .withSource(SOURCE)
                .withSubject(leadId.toString())
                .withTimestamp(ZonedDateTime.ofInstant(activity.at(), ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(leadId.toString())
                .build();
        emitter.sendMessageAndAwait(Message.of(activity, Metadata.of(cloudEvent, kafka)));
        return activity;
    }
}
