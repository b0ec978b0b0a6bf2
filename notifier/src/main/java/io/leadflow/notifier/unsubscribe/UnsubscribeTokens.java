package io.leadflow.notifier.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.leadflow.notifier.signing.HmacSha256;

/**
 * Signed, expiring unsubscribe tokens: {@code base64url(leadId|addressHash|expiresAt)}, a dot, and
 * {@code base64url(HMAC-SHA256)} of that payload. The address travels as its hash only.
 */
public final class UnsubscribeTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid token stands for. */
    public record Claims(UUID leadId, String addressHash, Instant expiresAt) {
    }

    private final HmacSha256 mac;
    private final Duration lifetime;

    public UnsubscribeTokens(String signingKey, Duration lifetime) {
        this.mac = new HmacSha256(signingKey);
        this.lifetime = lifetime;
    }

    public String issue(UUID leadId, String addressHash, Instant now) {
        String payload = leadId + "|" + addressHash + "|" + now.plus(lifetime).getEpochSecond();
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + ENCODER.encodeToString(mac.of(encoded));
    }

    /** The claims of a token that is ours, untouched and not expired; empty otherwise. */
    public Optional<Claims> verify(String token, Instant now) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!mac.matches(encoded.getBytes(StandardCharsets.UTF_8), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split("\\|");
            Claims claims = new Claims(UUID.fromString(parts[0]), parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
            return now.isBefore(claims.expiresAt()) ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }
}
