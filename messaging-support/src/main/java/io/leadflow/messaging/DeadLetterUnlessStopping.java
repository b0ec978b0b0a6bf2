package io.leadflow.messaging;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * {@code failure-strategy=dead-letter-queue-unless-stopping}: the connector's dead-letter queue,
 * except once the service is stopping. A record whose processing fails then failed because the
 * service is going away (its database pool or thread pools closing under it), not because of the
 * record; sent to the DLQ it would be lost. It is left unacknowledged instead, so its offset is
 * never committed and the next consumer of the partition processes it again.
 */
@ApplicationScoped
@Unremovable // looked up by name, from the channel's configuration
@Identifier(DeadLetterUnlessStopping.STRATEGY)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "dead-letter-queue-unless-stopping";

    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);

    private final Instance<KafkaFailureHandler.Factory> strategies;

    private final ServiceLifecycle lifecycle = new ServiceLifecycle();

    DeadLetterUnlessStopping(@Any Instance<KafkaFailureHandler.Factory> strategies) {
        this.strategies = strategies;
    }

    /** Shutdown events come before the beans (the database pool among them) are destroyed. */
    void onStop(@Observes ShutdownEvent event) {
        lifecycle.stopping();
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetterQueue = strategies.select(Identifier.Literal.of(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE))
                .get().create(config, vertx, consumer, reportFailure);
        return new UnlessStopping(deadLetterQueue, lifecycle, config.getChannel());
    }

    /** Whether the service has begun to stop; set once, never cleared. */
    static final class ServiceLifecycle {

        private volatile boolean stopping;

        void stopping() {
            stopping = true;
        }

        boolean isStopping() {
            return stopping;
        }
    }

    static final class UnlessStopping implements KafkaFailureHandler {

        private final KafkaFailureHandler deadLetterQueue;
        private final ServiceLifecycle lifecycle;
        private final String channel;

        UnlessStopping(KafkaFailureHandler deadLetterQueue, ServiceLifecycle lifecycle, String channel) {
            this.deadLetterQueue = deadLetterQueue;
            this.lifecycle = lifecycle;
            this.channel = channel;
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            if (lifecycle.isStopping()) {
                LOG.infof("%s: record %s-%d@%d failed while stopping (%s); left unacknowledged for redelivery",
                        channel, record.getTopic(), record.getPartition(), record.getOffset(), reason.getClass().getSimpleName());
                return Uni.createFrom().nothing();
            }
            return deadLetterQueue.handle(record, reason, metadata);
        }

        @Override
        public void terminate() {
            deadLetterQueue.terminate();
        }
    }
}
