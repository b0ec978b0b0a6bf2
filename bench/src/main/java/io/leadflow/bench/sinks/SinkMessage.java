package io.leadflow.bench.sinks;

import java.time.Instant;
import java.util.List;

/**
 * One message a sink received.
 *
 * @param touchId    the touch it delivers (SMS: from the status callback URL; email: from the
 *                   Message-ID), or null when the sender did not say
 * @param transport  {@code sms} or {@code email}
 * @param to         the SMS number, or the envelope recipients
 * @param receivedAt when the sink took it (SMS: request arrived; email: after DATA)
 */
public record SinkMessage(String touchId, String transport, List<String> to, Instant receivedAt) {
}
