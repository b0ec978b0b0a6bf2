package io.leadflow.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadflow.notifier.delivery.DeliveryStatus;
import io.leadflow.notifier.delivery.Outcome;
import io.vertx.ext.mail.SMTPException;

class EmailOutcomeTest {

    static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");

    @Test
    void shouldRetryAnSmtp4xxAndKeepItsCode() {
        Outcome outcome = EmailSender.outcomeOf(UUID.randomUUID(), wrapped(smtp(451)), NOW);

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(outcome.providerCode()).isEqualTo("451");
    }

    @Test
    void shouldFailAnSmtp5xxForGood() {
        Outcome outcome = EmailSender.outcomeOf(UUID.randomUUID(), wrapped(smtp(550)), NOW);

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.reason()).isEqualTo(Outcome.PROVIDER_REJECTED);
        assertThat(outcome.providerCode()).isEqualTo("550");
    }

    @Test
    void shouldRetryWhenTheServerCannotBeReached() {
        Outcome outcome = EmailSender.outcomeOf(UUID.randomUUID(),
                new IllegalStateException(new java.net.ConnectException("Connection refused")), NOW);

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(outcome.reason()).isEqualTo(Outcome.PROVIDER_UNREACHABLE);
    }

    static SMTPException smtp(int code) {
        return new SMTPException("send failed", code, List.of(code + " try later"), false);
    }

    static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException(cause);
    }
}
