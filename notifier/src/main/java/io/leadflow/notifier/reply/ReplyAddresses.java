package io.leadflow.notifier.reply;

import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.notifier.NotifierConfig;

/** The {@code Reply-To} of an email to a lead, {@code reply+<signed token>@<inbound domain>}, and the way back to the lead. */
@ApplicationScoped
public class ReplyAddresses {

    static final String LOCAL_PART = "reply+";

    private final ReplyTokens tokens;
    private final String domain;
    private final Clock clock;

    public ReplyAddresses(NotifierConfig config, Clock clock) {
        this.tokens = new ReplyTokens(config.linkSigningKey(), config.inboundEmail().replyAddressLifetime());
        this.domain = config.inboundEmail().domain().strip().toLowerCase(Locale.ROOT);
        this.clock = clock;
    }

    public String addressFor(UUID leadId) {
        return LOCAL_PART + tokens.issue(leadId, clock.instant()) + "@" + domain;
    }

    /** The lead of the first of these addresses that is one of our valid reply addresses. */
    public Optional<UUID> leadOf(Collection<String> addresses) {
        return addresses.stream().map(this::leadOf).flatMap(Optional::stream).findFirst();
    }

    Optional<UUID> leadOf(String address) {
        String normalized = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        int at = normalized.lastIndexOf('@');
        if (at < 0 || !normalized.startsWith(LOCAL_PART) || !normalized.substring(at + 1).equals(domain)) {
            return Optional.empty();
        }
        return tokens.verify(normalized.substring(LOCAL_PART.length(), at), clock.instant());
    }
}
