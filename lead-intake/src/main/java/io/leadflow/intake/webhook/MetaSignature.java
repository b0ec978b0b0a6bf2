package io.leadflow.intake.webhook;

import java.util.HexFormat;
import java.util.Locale;

/** Meta's {@code X-Hub-Signature-256}: {@code sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>}. */
final class MetaSignature {

    private static final String PREFIX = "sha256=";

    private MetaSignature() {
    }

    static String of(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(Hmac.sha256(appSecret, body));
    }

    static boolean matches(String header, String appSecret, byte[] body) {
        if (header == null || appSecret == null) {
            return false;
        }
        return Hmac.same(header.strip().toLowerCase(Locale.ROOT), of(appSecret, body));
    }
}
