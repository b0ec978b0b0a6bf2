package io.leadflow.notifier.reply;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.leadflow.notifier.signing.HmacSha256;

/**
 * The signed, expiring token of a reply address: hex of the lead id (16 bytes), the expiry in epoch
 * seconds (4 bytes) and the first 8 bytes of their HMAC-SHA256. Hex, because mail systems may
 * change the case of an address's local part, and short enough (56 characters) to fit the 64 an
 * address's local part may have, with {@code reply+} in front.
 */
public final class ReplyTokens {

    private static final HexFormat HEX = HexFormat.of();
    private static final int CLAIMS = 20;
    private static final int SIGNATURE = 8;
    // keeps a reply token from being any other MAC made with the same key
    private static final byte[] PURPOSE = "reply-address|".getBytes(StandardCharsets.UTF_8);

    private final HmacSha256 mac;
    private final Duration lifetime;

    public ReplyTokens(String signingKey, Duration lifetime) {
        this.mac = new HmacSha256(signingKey);
        this.lifetime = lifetime;
    }

    public String issue(UUID leadId, Instant now) {
        ByteBuffer claims = ByteBuffer.allocate(CLAIMS)
                .putLong(leadId.getMostSignificantBits())
                .putLong(leadId.getLeastSignificantBits())
                .putInt((int) now.plus(lifetime).getEpochSecond());
        return HEX.formatHex(claims.array()) + HEX.formatHex(signature(claims.array()));
    }

    /** The lead of a token that is ours, untouched and not expired; empty otherwise. */
    public Optional<UUID> verify(String token, Instant now) {
        if (token == null || token.length() != 2 * (CLAIMS + SIGNATURE)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = HEX.parseHex(token.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return Optional.empty();
        }
        byte[] claims = Arrays.copyOf(bytes, CLAIMS);
        if (!MessageDigest.isEqual(signature(claims), Arrays.copyOfRange(bytes, CLAIMS, bytes.length))) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(claims);
        UUID leadId = new UUID(read.getLong(), read.getLong());
        Instant expiresAt = Instant.ofEpochSecond(Integer.toUnsignedLong(read.getInt()));
        return now.isBefore(expiresAt) ? Optional.of(leadId) : Optional.empty();
    }

    private byte[] signature(byte[] claims) {
        byte[] signed = Arrays.copyOf(PURPOSE, PURPOSE.length + claims.length);
        System.arraycopy(claims, 0, signed, PURPOSE.length, claims.length);
        return Arrays.copyOf(mac.of(signed), SIGNATURE);
    }
}
