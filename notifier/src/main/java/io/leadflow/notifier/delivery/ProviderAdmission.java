package io.leadflow.notifier.delivery;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.notifier.delivery.Route.Transport;
import io.leadflow.notifier.pacing.SenderPacer;
import io.leadflow.notifier.sms.SmsComposer.ComposedSms;

/**
 * Whether a provider may be called for a touch now: a text needs a token of its sending number's
 * pace, and every call needs the provider's circuit to let it through. A touch that may not waits
 * in its row, without using up an attempt.
 */
@ApplicationScoped
public class ProviderAdmission {

    /** Why and until when a touch waits. */
    public record Wait(String reason, Instant until) {
    }

    private final ProviderCircuits circuits;
    private final SenderPacer pacer;

    public ProviderAdmission(ProviderCircuits circuits, SenderPacer pacer) {
        this.circuits = circuits;
        this.pacer = pacer;
    }

    /** @return empty when the provider may be called now */
    public Optional<Wait> admit(TouchSender.Prepared prepared, Instant now) {
        ComposedSms sms = prepared.sms();
        if (sms != null) {
            Optional<Instant> paced = pacer.take(sms.fromNumber(), sms.segments(), prepared.priority(), now);
            if (paced.isPresent()) {
                return Optional.of(new Wait(Outcome.PACED, paced.get()));
            }
        }
        Transport transport = prepared.route().transport();
        if (!circuits.tryAcquire(transport, now)) {
            return Optional.of(new Wait(Outcome.CIRCUIT_OPEN, circuits.retryAt(transport, now)));
        }
        return Optional.empty();
    }

    public void answered(Transport transport, Outcome outcome, Instant at) {
        circuits.record(transport, outcome, at);
    }
}
