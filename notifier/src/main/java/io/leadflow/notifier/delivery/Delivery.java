package io.leadflow.notifier.delivery;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadflow.contracts.Channel;
import io.leadflow.contracts.TouchResult;

/** A row of {@code notifier.delivery}: what happened to one due touch. Written through {@link DeliveryRepository}. */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    @Column(name = "touch_id")
    public UUID touchId;

    @Column(name = "lead_id")
    public UUID leadId;

    public String channel;

    public String audience;

    public String transport;

    public String template;

    @Convert(converter = StatusConverter.class)
    public DeliveryStatus status;

    public String reason;

    @Column(name = "provider_code")
    public String providerCode;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    /** Which provider answered last: {@code smtp}, or the SMS account ({@code primary}, {@code secondary}). */
    public String provider;

    public int attempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "result_at")
    public Instant resultAt;

    @Column(name = "result_event_id")
    public UUID resultEventId;

    /** When the retry poller may try a {@code retrying} touch again. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** When the touch first met its provider failing; {@code retry.max-age} counts from then (null: not yet). */
    @Column(name = "failing_since")
    public Instant failingSince;

    /** The due touch as received, kept only while it may still be sent (it holds the address). */
    public String payload;

    /** The result this row stands for; only meaningful once the status is final or deferred. */
    public TouchResult toResult() {
        return new TouchResult(touchId, leadId, channel(), status.touchStatus(), reason, providerCode,
                providerMessageId, resultAt);
    }

    /** Bound for a rep (an alert, or a call reminder), not for the lead. */
    public boolean toRep() {
        return "rep".equals(audience) || channel() == Channel.CALL_TASK || channel() == Channel.VOICEMAIL_TASK;
    }

    public Channel channel() {
        return Channel.valueOf(channel.toUpperCase(Locale.ROOT));
    }

    @Converter
    public static class StatusConverter implements AttributeConverter<DeliveryStatus, String> {

        @Override
        public String convertToDatabaseColumn(DeliveryStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public DeliveryStatus convertToEntityAttribute(String value) {
            return value == null ? null : DeliveryStatus.fromDb(value);
        }
    }
}
