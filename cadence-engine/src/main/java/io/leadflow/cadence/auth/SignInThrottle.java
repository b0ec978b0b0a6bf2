package io.leadflow.cadence.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins for one email within
 * {@link #WINDOW}, that email's sign-ins are refused until the oldest failure leaves the window.
 * Unknown emails count too, so a refusal says nothing about which emails exist. Kept per engine
 * instance (several instances multiply the allowance).
 */
@ApplicationScoped
public class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    boolean locked(String email, Instant now) {
        Deque<Instant> recent = failures.get(email);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            forget(recent, now);
            return recent.size() >= MAX_FAILURES;
        }
    }

    void failed(String email, Instant now) {
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    forget(recent, now);
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(email, key -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
        }
    }

    void succeeded(String email) {
        failures.remove(email);
    }

    private static void forget(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
            recent.removeFirst();
        }
    }
}
