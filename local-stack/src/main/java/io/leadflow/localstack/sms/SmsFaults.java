package io.leadflow.localstack.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Faults the SMS sink injects into {@code POST …/Messages.json}, for tests and the chaos harness:
 * the next {@code n} requests, or every request for a while, get a Twilio error answer instead of
 * being accepted. A request that fails is not kept as a message.
 */
final class SmsFaults {

    /** One injected answer: HTTP status, Twilio error code and an optional {@code Retry-After}. */
    record Fault(int status, int code, Integer retryAfterSeconds) {

        static Fault of(int status, Integer code, Integer retryAfterSeconds) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be 4xx or 5xx, not " + status);
            }
            return new Fault(status, code != null ? code : defaultCode(status), retryAfterSeconds);
        }

        /** Twilio's own codes for the HTTP failures it answers with (20429 Too Many Requests, 20500…). */
        private static int defaultCode(int status) {
            return 20000 + status;
        }

        String message() {
            return switch (status) {
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 503 -> "Service Unavailable";
                default -> "Injected fault " + status;
            };
        }
    }

    private Fault nextFault;
    private int nextRemaining;
    private Fault windowFault;
    private Instant windowEnd = Instant.MIN;

    synchronized void failNext(int count, Fault fault) {
        nextFault = fault;
        nextRemaining = count;
    }

    synchronized void failFor(Duration duration, Fault fault, Instant now) {
        windowFault = fault;
        windowEnd = now.plus(duration);
    }

    synchronized void clear() {
        nextFault = null;
        nextRemaining = 0;
        windowFault = null;
        windowEnd = Instant.MIN;
    }

    /** The fault for a request arriving now, consuming one of the "next n" if that is what applies. */
    synchronized Optional<Fault> take(Instant now) {
        if (nextRemaining > 0) {
            nextRemaining--;
            return Optional.of(nextFault);
        }
        if (windowFault != null && now.isBefore(windowEnd)) {
            return Optional.of(windowFault);
        }
        return Optional.empty();
    }

    synchronized Map<String, Object> describe(Instant now) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nextRemaining", nextRemaining);
        state.put("next", nextRemaining > 0 ? nextFault : null);
        boolean windowOpen = windowFault != null && now.isBefore(windowEnd);
        state.put("window", windowOpen ? windowFault : null);
        state.put("windowEndsAt", windowOpen ? windowEnd.toString() : null);
        return state;
    }
}
