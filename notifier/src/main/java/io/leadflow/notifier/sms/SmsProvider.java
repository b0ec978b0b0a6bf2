package io.leadflow.notifier.sms;

import java.util.UUID;

import io.leadflow.notifier.delivery.Outcome;

/** One way of sending a text. It never throws for a provider failure: the {@link Outcome} says what happened. */
public interface SmsProvider {

    /** A short, fixed name ({@code primary}, {@code secondary}): a metric tag and what the delivery row records. */
    String name();

    /** @param from the sending number (E.164), one of ours */
    Outcome send(UUID touchId, String from, String to, String body);
}
