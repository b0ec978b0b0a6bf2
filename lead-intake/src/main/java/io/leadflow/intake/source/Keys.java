package io.leadflow.intake.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random keys and their hashes: what is handed out once, and what is stored. */
public final class Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    /** A new source key: 256 random bits, URL-safe, with a prefix that makes a leaked one easy to recognise. */
    public static String newSourceKey() {
        return "lfk_" + random(32);
    }

    /** A form key: public (it is in the form's URL), but not guessable, so forms cannot be enumerated. */
    public static String newFormKey() {
        return random(12);
    }

    /** Lowercase hex SHA-256 of a key: what is stored, and what an operator configures. */
    public static String hashOf(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Compares two secrets in constant time (by their digests, so lengths leak nothing either). */
    public static boolean sameSecret(String presented, String expected) {
        return presented != null && expected != null && MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
