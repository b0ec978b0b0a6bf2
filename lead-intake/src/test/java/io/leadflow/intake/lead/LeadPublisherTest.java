package io.leadflow.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.LeadReceived;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** The publisher's contract with the broker, without a broker: what it sends, and that failure is never success. */
class LeadPublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void shouldSendTheLeadKeyedByLeadIdWithCloudEventAttributes() {
        StubEmitter emitter = new StubEmitter(message -> Uni.createFrom().voidItem());
        LeadReceived lead = lead();

        new LeadPublisher(emitter, Duration.ofSeconds(1)).publish(lead).await().atMost(WAIT);

        Message<? extends LeadReceived> sent = emitter.sent;
        assertThat(sent.getPayload()).isSameAs(lead);
        assertThat(sent.getMetadata(OutgoingKafkaRecordMetadata.class)).get()
                .extracting(OutgoingKafkaRecordMetadata::getKey).isEqualTo(lead.leadId().toString());
        OutgoingCloudEventMetadata<?> ce = sent.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertThat(ce.getType()).isEqualTo(EventTypes.LEAD_RECEIVED);
        assertThat(ce.getSubject()).contains(lead.leadId().toString());
        assertThat(ce.getSource()).hasToString("/leadflow/lead-intake/website");
        assertThat(ce.getTimeStamp()).get().extracting(t -> t.toInstant()).isEqualTo(lead.receivedAt());
        assertThat(UUID.fromString(ce.getId())).isNotEqualTo(lead.leadId());
    }

    @Test
    void shouldFailAsBrokerUnavailableWhenTheBrokerNacks() {
        StubEmitter emitter = new StubEmitter(message -> Uni.createFrom().failure(new IllegalStateException("nack")));

        assertThatThrownBy(() -> new LeadPublisher(emitter, Duration.ofSeconds(1)).publish(lead())
                .await().atMost(WAIT)).isInstanceOf(BrokerUnavailableException.class);
    }

    @Test
    void shouldFailAsBrokerUnavailableWhenTheEmitterRefusesTheMessage() {
        StubEmitter emitter = new StubEmitter(message -> {
            throw new IllegalStateException("channel down");
        });

        assertThatThrownBy(() -> new LeadPublisher(emitter, Duration.ofSeconds(1)).publish(lead())
                .await().atMost(WAIT)).isInstanceOf(BrokerUnavailableException.class);
    }

    @Test
    void shouldFailAsBrokerUnavailableWhenNoAcknowledgementComesInTime() {
        StubEmitter emitter = new StubEmitter(message -> Uni.createFrom().nothing());

        assertThatThrownBy(() -> new LeadPublisher(emitter, Duration.ofMillis(50)).publish(lead())
                .await().atMost(WAIT)).isInstanceOf(BrokerUnavailableException.class);
    }

    private static LeadReceived lead() {
        return new LeadReceived(UUID.randomUUID(), "website", FixedClock.NOW, false,
                new LeadReceived.Contact("Maria Lopez", "Maria", "Lopez", "maria@example.com", null, null, false),
                new LeadReceived.LeadTimeZone("America/New_York", "default"), null, null, null,
                new LeadReceived.Consent(false, false, null, null, "127.0.0.1", null));
    }

    /** Only {@code sendMessage} is used by the publisher. */
    private static final class StubEmitter implements MutinyEmitter<LeadReceived> {

        private final Function<Message<? extends LeadReceived>, Uni<Void>> answer;
        Message<? extends LeadReceived> sent;

        StubEmitter(Function<Message<? extends LeadReceived>, Uni<Void>> answer) {
            this.answer = answer;
        }

        @Override
        public <M extends Message<? extends LeadReceived>> Uni<Void> sendMessage(M message) {
            sent = message;
            return answer.apply(message);
        }

        @Override
        public Uni<Void> send(LeadReceived payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendAndAwait(LeadReceived payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable sendAndForget(LeadReceived payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends LeadReceived>> void send(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends LeadReceived>> void sendMessageAndAwait(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends LeadReceived>> Cancellable sendMessageAndForget(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
