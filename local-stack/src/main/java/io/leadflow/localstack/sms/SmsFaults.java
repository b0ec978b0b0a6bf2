package io.leadflow.localstack.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faults the SMS sink injects into {@code POST …/Messages.json}, for tests and the chaos harness:
 * the next {@code n} requests, or every request for a while, get a Twilio error answer instead of
 * being accepted. A request that fails is not kept as a message. Windows can follow one another
 * (an outage's 5xx, then 429s while it recovers).
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

    private record Window(Instant start, Instant end, Fault fault) {

        boolean contains(Instant now) {
            return !now.isBefore(start) && now.isBefore(end);
        }
    }

    private Fault nextFault;
    private int nextRemaining;
    private final List<Window> windows = new ArrayList<>();

    synchronized void failNext(int count, Fault fault) {
        nextFault = fault;
        nextRemaining = count;
    }

    /** Replaces any armed window: every request from now for {@code duration}. */
    synchronized void failFor(Duration duration, Fault fault, Instant now) {
        windows.clear();
        windows.add(new Window(now, now.plus(duration), fault));
    }

    /** A window that opens when the last armed one closes (now, if none is still open or to come). */
    synchronized void thenFailFor(Duration duration, Fault fault, Instant now) {
        Instant start = windows.stream().map(Window::end).filter(now::isBefore).max(Instant::compareTo).orElse(now);
        windows.add(new Window(start, start.plus(duration), fault));
    }

    synchronized void clear() {
        nextFault = null;
        nextRemaining = 0;
        windows.clear();
    }

    /** The fault for a request arriving now, consuming one of the "next n" if that is what applies. */
    synchronized Optional<Fault> take(Instant now) {
        if (nextRemaining > 0) {
            nextRemaining--;
            return Optional.of(nextFault);
        }
        return current(now).map(Window::fault);
    }

    private Optional<Window> current(Instant now) {
        return windows.stream().filter(window -> window.contains(now)).findFirst();
    }

    synchronized Map<String, Object> describe(Instant now) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nextRemaining", nextRemaining);
        state.put("next", nextRemaining > 0 ? nextFault : null);
        Optional<Window> open = current(now);
        state.put("window", open.map(Window::fault).orElse(null));
        state.put("windowEndsAt", open.map(window -> window.end().toString()).orElse(null));
        state.put("windowsToCome", windows.stream().filter(window -> now.isBefore(window.start())).count());
        return state;
    }
}
