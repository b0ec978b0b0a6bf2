package io.leadflow.cadence.scheduling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * A touch's trace, kept on its row. OpenTelemetry's context travels with the thread and the records
 * of the work in flight; a touch the scheduler dispatches minutes or days later is published by the
 * poller's thread, which has none, so without this its record would start a trace of its own.
 */
final class TouchTraces {

    private static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceparent, String key) {
            return TRACEPARENT.equals(key) ? traceparent : null;
        }
    };

    private TouchTraces() {
    }

    /** The current span's traceparent; null outside any trace (or with tracing off). */
    static String current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The message, published as a child of the stored trace when there is one. */
    static <T> Message<T> continuing(String traceparent, Message<T> message) {
        if (traceparent == null) {
            return message;
        }
        Context planned = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, STORED);
        return message.addMetadata(TracingMetadata.withCurrent(planned));
    }
}
