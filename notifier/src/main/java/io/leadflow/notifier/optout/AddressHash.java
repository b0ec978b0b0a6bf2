package io.leadflow.notifier.optout;

import java.util.HexFormat;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Route.Transport;
import io.leadflow.notifier.signing.HmacSha256;

/**
 * The key under which an address is stored in the suppression list and contact book: an HMAC of
 * the normalized address, so the tables never hold a phone number or email address, and a leaked
 * table cannot be reversed by hashing every phone number without the key.
 */
@ApplicationScoped
public class AddressHash {

    private final HmacSha256 mac;

    public AddressHash(NotifierConfig config) {
        this.mac = new HmacSha256(config.addressHashKey());
    }

    public String of(Transport transport, String address) {
        return HexFormat.of().formatHex(mac.of(normalize(transport, address)));
    }

    /** E.164 digits for a phone ("+1 (415) 555-0123" and "+14155550123" are one number); lower case for email. */
    static String normalize(Transport transport, String address) {
        String stripped = address.strip();
        return transport == Transport.SMS ? stripped.replaceAll("[^+0-9]", "") : stripped.toLowerCase(Locale.ROOT);
    }
}
