package io.leadflow.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MetaSignatureTest {

    @Test
    void shouldMatchTheKnownHmacSha256Vector() {
        byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        String known = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

        assertThat(MetaSignature.of("key", body)).isEqualTo(known);
        assertThat(MetaSignature.matches(known.toUpperCase().replace("SHA256=", "sha256="), "key", body)).isTrue();
        assertThat(MetaSignature.matches(known, "other-key", body)).isFalse();
        assertThat(MetaSignature.matches(known.replace("sha256=", "sha1="), "key", body)).isFalse();
        assertThat(MetaSignature.matches(null, "key", body)).isFalse();
    }
}
