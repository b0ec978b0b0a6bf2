package io.leadflow.notifier.optout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Route.Transport;

/**
 * The key under which an address is stored in the suppression list and contact book: an HMAC of
 * the normalized address, so the tables never hold a phone number or email address, and a leaked
 * table cannot be reversed by hashing every phone number without the key.
 */
@ApplicationScoped
public class AddressHash {

    private final SecretKeySpec key;

    public AddressHash(NotifierConfig config) {
        this.key = new SecretKeySpec(config.addressHashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(Transport transport, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalize(transport, address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** E.164 digits for a phone ("+1 (415) 555-0123" and "+14155550123" are one number); lower case for email. */
    static String normalize(Transport transport, String address) {
        String stripped = address.strip();
        return transport == Transport.SMS ? stripped.replaceAll("[^+0-9]", "") : stripped.toLowerCase(Locale.ROOT);
    }
}
