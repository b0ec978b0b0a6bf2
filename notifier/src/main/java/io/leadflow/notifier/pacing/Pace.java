package io.leadflow.notifier.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * The pace of one sending number, in segments: tokens refill at {@code rate} per second up to
 * {@code burst}. A priority text (first touch, rep alert) may take every token; a nurture text only
 * takes tokens above {@code reserve}, so that a first text finds the bucket ready. The tokens
 * themselves are in the database ({@link SenderPaces}), shared by every instance.
 */
public record Pace(double rate, int burst, int reserve) {

    public Pace {
        if (rate <= 0) {
            throw new IllegalArgumentException("a sending number's pace must be above 0 segments per second");
        }
        burst = Math.max(burst, 1);
        reserve = Math.min(Math.max(reserve, 0), burst);
    }

    /** The tokens a text must leave in the bucket. */
    double floor(boolean priority) {
        return priority ? 0 : reserve;
    }

    /** What a text costs: its segments, or for a text longer than the bucket allows, what the bucket allows (it goes out once the bucket is full). */
    double cost(int segments, boolean priority) {
        return Math.min(segments, burst - floor(priority));
    }

    /** When a text refused with {@code tokens} in the bucket will find enough. */
    Instant enoughAt(int segments, boolean priority, double tokens, Instant now) {
        return now.plus(secondsOf(cost(segments, priority) + floor(priority) - tokens));
    }

    /** How long the pace takes to send {@code segments}. */
    Duration secondsOf(double segments) {
        return segments <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(segments / rate * 1e9));
    }
}
