package io.leadflow.intake.webhook;

import java.util.Base64;

/**
 * Typeform's {@code Typeform-Signature}: {@code sha256=<base64 HMAC-SHA256 of the raw body, keyed with the
 * webhook's secret>}. Also what any other sender of generic JSON signs with, where its source has a secret.
 */
final class TypeformSignature {

    static final String HEADER = "Typeform-Signature";
    private static final String PREFIX = "sha256=";

    private TypeformSignature() {
    }

    static String of(String secret, byte[] body) {
        return PREFIX + Base64.getEncoder().encodeToString(Hmac.sha256(secret, body));
    }

    static boolean matches(String header, String secret, byte[] body) {
        if (header == null || secret == null) {
            return false;
        }
        return Hmac.same(header.strip(), of(secret, body)); // base64 is case-sensitive
    }
}
