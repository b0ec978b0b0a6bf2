package io.leadflow.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TypeformSignatureTest {

    @Test
    void shouldMatchTheKnownHmacSha256VectorInBase64() {
        byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        // the well-known HMAC-SHA256 example (hex f7bc83f4…3cd8, as in MetaSignatureTest), base64 as Typeform sends it
        String known = "sha256=97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=";

        assertThat(TypeformSignature.of("key", body)).isEqualTo(known);
        assertThat(TypeformSignature.matches(" " + known + " ", "key", body)).isTrue();
        assertThat(TypeformSignature.matches(known.toLowerCase(), "key", body)).isFalse();
        assertThat(TypeformSignature.matches(known, "other-key", body)).isFalse();
        assertThat(TypeformSignature.matches(known, "key", "The quick brown fox jumps over the lazy dog."
                .getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(TypeformSignature.matches(known.replace("sha256=", ""), "key", body)).isFalse();
        assertThat(TypeformSignature.matches(null, "key", body)).isFalse();
    }
}
