package io.leadflow.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Meta's {@code X-Hub-Signature-256}: {@code sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>}. */
final class MetaSignature {

    private static final String PREFIX = "sha256=";

    private MetaSignature() {
    }

    static String of(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    static boolean matches(String header, String appSecret, byte[] body) {
        if (header == null || appSecret == null) {
            return false;
        }
        byte[] presented = header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, of(appSecret, body).getBytes(StandardCharsets.US_ASCII));
    }
}
