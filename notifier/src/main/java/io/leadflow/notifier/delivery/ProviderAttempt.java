package io.leadflow.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.DatabaseRetry;
import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Route.Transport;

/**
 * One provider call for a claimed touch, and what follows from its answer: final (accepted, or a
 * permanent failure) → recorded and reported; transient → a retry scheduled in the row, or the
 * touch fails with {@code retries_exhausted} when its attempts or age run out. No call is made
 * while the provider's circuit is open, nor for a text without a token of its number's pace; the
 * touch then waits in the row. The answer is committed
 * through a database restart ({@link DatabaseRetry}): a text the provider took must not be left
 * {@code sending}, to be settled later as in doubt.
 */
@ApplicationScoped
public class ProviderAttempt {

    private static final Logger LOG = Logger.getLogger(ProviderAttempt.class);

    private final DeliveryRepository deliveries;
    private final TouchSender sender;
    private final ProviderAdmission admission;
    private final DeliveryRecorder recorder;
    private final DeliveryMetrics metrics;
    private final RetryPolicy retryPolicy;
    private final DatabaseRetry databaseRetry;
    private final Clock clock;

    public ProviderAttempt(DeliveryRepository deliveries, TouchSender sender, ProviderAdmission admission,
            DeliveryRecorder recorder, DeliveryMetrics metrics, NotifierConfig config, DatabaseRetry databaseRetry,
            Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.admission = admission;
        this.recorder = recorder;
        this.metrics = metrics;
        this.retryPolicy = new RetryPolicy(config.retry(), () -> ThreadLocalRandom.current().nextDouble());
        this.databaseRetry = databaseRetry;
        this.clock = clock;
    }

    /**
     * @param attemptsBefore provider calls already made for this touch
     * @param failingSince   when the touch first met its provider failing, or null: the retries'
     *                       age counts from then, never from a wait for its number's pace
     */
    public void attempt(TouchDue touch, TouchSender.Prepared prepared, int attemptsBefore, Instant failingSince) {
        Transport transport = prepared.route().transport();
        Instant now = clock.instant();
        Optional<ProviderAdmission.Wait> wait = admission.admit(prepared, now);
        if (wait.isPresent()) {
            // a closed circuit is the provider failing; a pace is not
            Instant failing = Outcome.PACED.equals(wait.get().reason()) ? null : now;
            deliveries.scheduleRetry(touch.touchId(), Outcome.transientFailure(wait.get().reason(), null, null, now),
                    false, wait.get().until(), now, failing);
            LOG.debugf("touch %s lead %s: %s %s, waits until %s", touch.touchId(), touch.leadId(), transport.dbValue(),
                    wait.get().reason(), wait.get().until());
            return;
        }
        Outcome outcome = sender.send(touch, prepared);
        Instant answeredAt = clock.instant();
        admission.answered(transport, outcome, answeredAt);
        Instant failing = failingSince != null ? failingSince : now;
        databaseRetry.run("answer to touch " + touch.touchId() + " lead " + touch.leadId(),
                () -> recordAnswer(touch, prepared, outcome, attemptsBefore, failing, answeredAt));
    }

    private void recordAnswer(TouchDue touch, TouchSender.Prepared prepared, Outcome outcome, int attemptsBefore,
            Instant failingSince, Instant answeredAt) {
        Transport transport = prepared.route().transport();
        if (!outcome.isTransient()) {
            if (outcome.status() == DeliveryStatus.ACCEPTED) {
                sender.accepted(prepared);
            }
            recorder.finish(touch.touchId(), outcome, true);
            return;
        }
        int attempts = attemptsBefore + 1;
        Optional<Instant> next = retryPolicy.nextAttempt(attempts, failingSince, outcome.retryAfter(), answeredAt);
        if (next.isEmpty()) {
            recorder.finish(touch.touchId(), outcome.givenUp(Outcome.RETRIES_EXHAUSTED), true);
            return;
        }
        deliveries.scheduleRetry(touch.touchId(), outcome, true, next.get(), answeredAt, failingSince);
        metrics.retryScheduled(transport, outcome.reason());
        LOG.infof("touch %s lead %s: %s attempt %d failed (%s%s), retry at %s", touch.touchId(), touch.leadId(),
                transport.dbValue(), attempts, outcome.reason(),
                outcome.providerCode() == null ? "" : ", code " + outcome.providerCode(), next.get());
    }
}
