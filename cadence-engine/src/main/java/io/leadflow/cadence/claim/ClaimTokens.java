package io.leadflow.cadence.claim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in a rep's claim link: lead id, rep id and expiry, signed with HMAC-SHA256. Nothing in
 * it is personal; whoever holds a valid token may claim that lead for that rep until it expires.
 */
public final class ClaimTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int PAYLOAD_BYTES = 16 + 16 + 8;

    private final SecretKeySpec key;

    public ClaimTokens(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("leadflow.engine.claim-secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String issue(UUID leadId, UUID repId, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
        payload.putLong(leadId.getMostSignificantBits()).putLong(leadId.getLeastSignificantBits());
        payload.putLong(repId.getMostSignificantBits()).putLong(repId.getLeastSignificantBits());
        payload.putLong(expiresAt.getEpochSecond());
        byte[] bytes = payload.array();
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** Empty when the token was not issued with this secret (or was altered); expiry is the caller's check. */
    public Optional<ClaimToken> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            UUID leadId = new UUID(buffer.getLong(), buffer.getLong());
            UUID repId = new UUID(buffer.getLong(), buffer.getLong());
            return Optional.of(new ClaimToken(leadId, repId, Instant.ofEpochSecond(buffer.getLong())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    public record ClaimToken(UUID leadId, UUID repId, Instant expiresAt) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
