package io.leadflow.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.contracts.Json;
import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.optout.OptOuts;
import io.leadflow.notifier.rep.RepDirectory;

/**
 * Delivers one due touch at most once. The order matters: the delivery row is committed as
 * {@code sending} before a provider is called, and the provider's answer is committed before the
 * result is published, so a redelivered record finds the row and sends nothing. The consumer only
 * decides, renders and queues (in the row, then on a sender thread of the provider's pool): it
 * never waits on a provider. Retries come from the row ({@link RetryPoller}), never from Kafka.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);
    private static final ObjectMapper JSON = Json.newMapper();

    private final DeliveryRepository deliveries;
    private final DeliveryRules rules;
    private final ProviderAttempt attempt;
    private final DeliveryRecorder recorder;
    private final SendQueues queues;
    private final OptOuts optOuts;
    private final RepDirectory reps;
    private final Clock clock;

    public DeliveryService(DeliveryRepository deliveries, DeliveryRules rules, ProviderAttempt attempt,
            DeliveryRecorder recorder, SendQueues queues, OptOuts optOuts, RepDirectory reps, Clock clock) {
        this.deliveries = deliveries;
        this.rules = rules;
        this.attempt = attempt;
        this.recorder = recorder;
        this.queues = queues;
        this.optOuts = optOuts;
        this.reps = reps;
        this.clock = clock;
    }

    /**
     * A touch from Kafka. A touch seen before is found by the claim itself (the upsert that queues
     * or records it takes a new or deferred row only), not by a lookup first: one round trip less
     * for every new touch, a little rendering wasted on a redelivered one.
     */
    public void deliver(TouchDue touch) {
        requireContract(touch);
        Instant now = clock.instant();
        DeliveryRules.Decision decision = rules.decide(touch, now);
        if (decision.notSent() != null) {
            recorder.recordUnsent(touch, decision.transport(), decision.notSent());
            return;
        }
        TouchSender.Prepared prepared = decision.prepared();
        // a nurture text behind others on its number waits in its row, for the retry poller, not in memory
        Instant slot = queues.handOffAt(prepared, now);
        boolean paced = slot.isAfter(now);
        Instant dueAt = paced ? slot : now.plus(queues.handoffGrace());
        if (!deliveries.queue(touch, decision.transport(), toJson(touch), prepared.priority(),
                paced ? Outcome.PACED : null, dueAt, now)) {
            deliveries.find(touch.touchId()).ifPresent(recorder::redelivered);
            return;
        }
        if (paced) {
            LOG.debugf("touch %s lead %s: paced, due at %s", touch.touchId(), touch.leadId(), slot);
            return;
        }
        if (!queues.offer(prepared.route().transport(), prepared.priority(), () -> sendQueued(touch, prepared, now))) {
            LOG.warnf("touch %s lead %s: no sender took it (queue full, or stopping), left for the retry poller", touch.touchId(), touch.leadId());
        }
    }

    /** On a sender thread: the row turns {@code sending} here, unless the retry poller took it first. */
    private void sendQueued(TouchDue touch, TouchSender.Prepared prepared, Instant queuedAt) {
        try {
            Start start = start(touch, prepared, queuedAt);
            if (!start.taken()) {
                return;
            }
            if (start.stopped().isPresent()) {
                recorder.finish(touch.touchId(), Outcome.skipped(start.stopped().get(), clock.instant()), false);
                return;
            }
            attempt.attempt(touch, prepared, 0, null);
        } catch (RuntimeException e) {
            // the row is still queued (the poller sends it) or sending (the in-doubt policy settles it)
            LOG.errorf(e, "touch %s lead %s: send failed unexpectedly", touch.touchId(), touch.leadId());
        }
    }

    /**
     * What a sender found when it took a queued touch.
     *
     * @param taken   false when the retry poller took it first
     * @param stopped why it must not go out after all (a STOP that arrived while it was queued)
     */
    record Start(boolean taken, Optional<String> stopped) {
    }

    /**
     * One transaction, so one commit before the provider call instead of five: the row turns
     * {@code sending}, the stop state and the suppression list are checked again, and the contact
     * and the lead's rep are remembered.
     */
    @Transactional
    Start start(TouchDue touch, TouchSender.Prepared prepared, Instant queuedAt) {
        if (!deliveries.start(touch.touchId(), clock.instant())) {
            return new Start(false, Optional.empty());
        }
        Optional<String> stopped = optOuts.reasonNotToSend(touch.leadId(), prepared.route());
        if (stopped.isEmpty()) {
            remember(touch, prepared, queuedAt);
        }
        return new Start(true, stopped);
    }

    /** A touch the retry poller claimed from its row (status {@code sending} again). */
    public void retry(Delivery claimed) {
        TouchDue touch = fromJson(claimed.payload);
        DeliveryRules.Decision decision = rules.decide(touch, clock.instant());
        if (decision.notSent() != null) {
            recorder.finish(touch.touchId(), decision.notSent(), false);
            return;
        }
        // a paced text (or one no sender took) has not been remembered yet; again is harmless
        remember(touch, decision.prepared(), clock.instant());
        attempt.attempt(touch, decision.prepared(), claimed.attempts, claimed.failingSince);
    }

    /** Whom the address belongs to (so that replies find the lead) and who speaks for the lead (to forward them to). */
    private void remember(TouchDue touch, TouchSender.Prepared prepared, Instant at) {
        optOuts.rememberContact(touch.leadId(), prepared.route(), at);
        reps.remember(touch, prepared.route(), at);
    }

    /** A record the notifier cannot act on goes to the DLQ instead of being guessed at. */
    private static void requireContract(TouchDue touch) {
        if (touch == null || touch.touchId() == null || touch.leadId() == null || touch.channel() == null
                || touch.template() == null) {
            throw new IllegalArgumentException("touch.due record without touchId, leadId, channel or template");
        }
    }

    private static String toJson(TouchDue touch) {
        try {
            return JSON.writeValueAsString(touch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed touch cannot be written back as JSON", e);
        }
    }

    static TouchDue fromJson(String payload) {
        try {
            return JSON.readValue(payload, TouchDue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored touch payload does not parse", e);
        }
    }
}
