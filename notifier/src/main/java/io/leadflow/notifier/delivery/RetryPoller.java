package io.leadflow.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.NotifierConfig.InDoubtPolicy;
import io.leadflow.notifier.delivery.Route.Transport;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Its own thread, so the Kafka consumers never wait for a retry: every poll interval it settles
 * sends that are in doubt, then sends the retries that are due (for providers whose circuit lets
 * calls through), claimed with {@code FOR UPDATE SKIP LOCKED} so that instances share the work.
 */
@ApplicationScoped
public class RetryPoller {

    private static final Logger LOG = Logger.getLogger(RetryPoller.class);

    private final DeliveryRepository deliveries;
    private final DeliveryService service;
    private final DeliveryRecorder recorder;
    private final ProviderCircuits circuits;
    private final DeliveryMetrics metrics;
    private final NotifierConfig config;
    private final Clock clock;
    private volatile boolean running;
    private Thread thread;

    public RetryPoller(DeliveryRepository deliveries, DeliveryService service, DeliveryRecorder recorder,
            ProviderCircuits circuits, DeliveryMetrics metrics, NotifierConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.service = service;
        this.recorder = recorder;
        this.circuits = circuits;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "delivery-retry-poller");
        thread.setDaemon(true);
        thread.start();
    }

    /** The send in progress finishes and records its result before the database pool closes. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        thread.join(config.senders().stopGrace().toMillis());
        thread.interrupt();
    }

    private void run() {
        while (running) {
            try {
                settleInDoubt();
                sendDueRetries();
            } catch (RuntimeException e) {
                // the rows stay as they are; the next poll tries again
                LOG.warn("Retrying deliveries failed; trying again at the next poll", e);
            }
            try {
                Thread.sleep(Math.max(1, config.retry().pollInterval().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void settleInDoubt() {
        Instant now = clock.instant();
        List<Delivery> inDoubt = deliveries.claimInDoubt(now.minus(config.inDoubt().after()),
                config.retry().batchSize(), now);
        for (Delivery delivery : inDoubt) {
            InDoubtPolicy policy = delivery.toRep() ? config.inDoubt().repAlerts() : config.inDoubt().leadMessages();
            metrics.inDoubt(delivery.channel(), policy);
            if (policy == InDoubtPolicy.RESEND && delivery.payload != null) {
                LOG.warnf("touch %s lead %s: send in doubt since %s, sent again (policy resend)", delivery.touchId,
                        delivery.leadId, delivery.updatedAt);
                deliveries.scheduleRetry(delivery.touchId, Outcome.transientFailure(Outcome.IN_DOUBT, null, null, now),
                        false, now, now, delivery.updatedAt);
            } else {
                LOG.warnf("touch %s lead %s: send in doubt, given up (policy give-up)", delivery.touchId,
                        delivery.leadId);
                recorder.finish(delivery.touchId, Outcome.failed(Outcome.IN_DOUBT, null, now), false);
            }
        }
    }

    private void sendDueRetries() {
        List<Delivery> due;
        do {
            Instant now = clock.instant();
            List<String> transports = circuits.callable(now).stream().map(Transport::dbValue).toList();
            due = deliveries.claimDueRetries(transports, config.retry().batchSize(), now);
            for (Delivery delivery : due) {
                try {
                    service.retry(delivery);
                } catch (RuntimeException e) {
                    // left 'sending': the in-doubt policy settles it; the rest of the batch goes on
                    LOG.errorf(e, "touch %s lead %s: retry failed unexpectedly", delivery.touchId, delivery.leadId);
                }
            }
        } while (running && due.size() == config.retry().batchSize());
    }
}
