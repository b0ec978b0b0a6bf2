package io.leadflow.notifier.delivery;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Route.Transport;

/** One {@link CircuitBreaker} per provider: an SMS outage never slows email down, and vice versa. */
@ApplicationScoped
public class ProviderCircuits {

    private final Map<Transport, CircuitBreaker> breakers = new EnumMap<>(Transport.class);

    public ProviderCircuits(NotifierConfig config) {
        for (Transport transport : Transport.values()) {
            breakers.put(transport, new CircuitBreaker(config.circuit().failureThreshold(), config.circuit().openFor()));
        }
    }

    boolean tryAcquire(Transport transport, Instant now) {
        return breakers.get(transport).tryAcquire(now);
    }

    void record(Transport transport, Outcome outcome, Instant now) {
        if (outcome.isTransient()) {
            breakers.get(transport).onTransientFailure(now);
        } else {
            breakers.get(transport).onAnswer();
        }
    }

    Instant retryAt(Transport transport, Instant now) {
        return breakers.get(transport).retryAt(now);
    }

    /** The providers the retry poller may take touches for now. */
    List<Transport> callable(Instant now) {
        return breakers.entrySet().stream().filter(e -> e.getValue().mayCall(now)).map(Map.Entry::getKey).toList();
    }

    public boolean isOpen(Transport transport, Instant now) {
        return breakers.get(transport).isOpen(now);
    }
}
