package io.leadflow.notifier.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");
    final UnsubscribeTokens tokens = new UnsubscribeTokens("signing-key", Duration.ofDays(60));

    @Test
    void shouldAcceptItsOwnTokenForSixtyDays() {
        UUID leadId = UUID.randomUUID();
        String token = tokens.issue(leadId, "abc123", NOW);

        assertThat(tokens.verify(token, NOW.plus(Duration.ofDays(59)))).hasValueSatisfying(claims -> {
            assertThat(claims.leadId()).isEqualTo(leadId);
            assertThat(claims.addressHash()).isEqualTo("abc123");
        });
        assertThat(tokens.verify(token, NOW.plus(Duration.ofDays(60)))).isEmpty();
    }

    @Test
    void shouldRejectATamperedForgedOrMalformedToken() {
        String token = tokens.issue(UUID.randomUUID(), "abc123", NOW);
        String forged = new UnsubscribeTokens("another-key", Duration.ofDays(60)).issue(UUID.randomUUID(), "abc123", NOW);
        String otherPayload = tokens.issue(UUID.randomUUID(), "def456", NOW).split("\\.")[0] + "." + token.split("\\.")[1];

        assertThat(tokens.verify(forged, NOW)).isEmpty();
        assertThat(tokens.verify(otherPayload, NOW)).isEmpty();
        assertThat(tokens.verify("not-a-token", NOW)).isEmpty();
        assertThat(tokens.verify("%%%.###", NOW)).isEmpty();
        assertThat(tokens.verify(null, NOW)).isEmpty();
    }
}
