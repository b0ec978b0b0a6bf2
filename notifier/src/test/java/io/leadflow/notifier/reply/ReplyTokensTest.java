package io.leadflow.notifier.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ReplyTokensTest {

    static final Instant NOW = Instant.parse("2026-12-03T18:00:00Z");
    final ReplyTokens tokens = new ReplyTokens("test-key", Duration.ofDays(90));

    @Test
    void shouldNameTheLeadUntilItExpiresEvenWhenAMailSystemUpperCasesIt() {
        UUID lead = UUID.randomUUID();
        String token = tokens.issue(lead, NOW);

        assertThat(("reply+" + token).length()).isLessThanOrEqualTo(64);
        assertThat(tokens.verify(token, NOW.plus(Duration.ofDays(89)))).contains(lead);
        assertThat(tokens.verify(token.toUpperCase(), NOW)).contains(lead);
        assertThat(tokens.verify(token, NOW.plus(Duration.ofDays(90)))).isEmpty();
    }

    @Test
    void shouldRefuseATokenThatIsAlteredSignedWithAnotherKeyOrNotATokenAtAll() {
        String token = tokens.issue(UUID.randomUUID(), NOW);
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');

        assertThat(tokens.verify(altered, NOW)).isEmpty();
        assertThat(new ReplyTokens("another-key", Duration.ofDays(90)).verify(token, NOW)).isEmpty();
        assertThat(tokens.verify("", NOW)).isEmpty();
        assertThat(tokens.verify(null, NOW)).isEmpty();
        assertThat(tokens.verify("z".repeat(token.length()), NOW)).isEmpty();
    }

    @Test
    void shouldKeepWhatThePersonWroteAndDropTheQuotedMessage() {
        assertThat(ReplyText.newPart("""
                Yes, Saturday at 10 works.
                Thanks!

                On Tue, Dec 1, 2026 at 9:00 AM Dana Whitfield via Oak Ridge Homes <leads@leadflow.local> wrote:
                > Hi Maria,
                > what made you reach out today?""")).isEqualTo("Yes, Saturday at 10 works. Thanks!");
        assertThat(ReplyText.newPart("Call me\r\n-----Original Message-----\r\nFrom: Dana")).isEqualTo("Call me");
        assertThat(ReplyText.newPart(null)).isEmpty();
    }
}
