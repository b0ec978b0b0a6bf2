package io.leadflow.notifier.unsubscribe;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Route.Transport;
import io.leadflow.notifier.optout.AddressHash;

/** The one-click unsubscribe link of an email to a lead (RFC 8058), and the tokens behind it. */
@ApplicationScoped
public class UnsubscribeLinks {

    static final String PATH = "/unsubscribe/";

    private final UnsubscribeTokens tokens;
    private final AddressHash hash;
    private final NotifierConfig config;
    private final Clock clock;

    public UnsubscribeLinks(AddressHash hash, NotifierConfig config, Clock clock) {
        this.tokens = new UnsubscribeTokens(config.linkSigningKey(), config.unsubscribeLinkLifetime());
        this.hash = hash;
        this.config = config;
        this.clock = clock;
    }

    public String urlFor(UUID leadId, String email) {
        String token = tokens.issue(leadId, hash.of(Transport.EMAIL, email), clock.instant());
        return config.publicBaseUrl().replaceAll("/+$", "") + PATH + token;
    }

    public Optional<UnsubscribeTokens.Claims> verify(String token) {
        return tokens.verify(token, clock.instant());
    }
}
