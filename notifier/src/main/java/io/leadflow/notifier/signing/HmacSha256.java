package io.leadflow.notifier.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under one secret key: what our links, reply addresses and inbound webhooks are signed with. */
public final class HmacSha256 {

    private final SecretKeySpec key;

    public HmacSha256(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public byte[] of(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public byte[] of(String data) {
        return of(data.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code signature} is the MAC of {@code data}, compared in constant time. */
    public boolean matches(byte[] data, byte[] signature) {
        return signature != null && MessageDigest.isEqual(of(data), signature);
    }
}
