package io.leadflow.notifier.optout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.contracts.Audience;
import io.leadflow.notifier.delivery.Route;
import io.leadflow.notifier.delivery.Route.Transport;

/**
 * Who must not be contacted: an address on the suppression list (per channel, across every lead
 * and cadence), or a lead that replied (all channels) or opted out of a channel. Checked when a
 * touch arrives and again right before every provider call.
 */
@ApplicationScoped
public class OptOuts {

    public static final String OPTED_OUT = "opted_out";
    public static final String LEAD_STOPPED = "lead_stopped";

    private final OptOutRepository repository;
    private final AddressHash hash;

    public OptOuts(OptOutRepository repository, AddressHash hash) {
        this.repository = repository;
        this.hash = hash;
    }

    /** Why this touch must not go out on this route, or empty when it may. */
    public Optional<String> reasonNotToSend(UUID leadId, Route route) {
        String channel = route.transport().dbValue();
        if (route.recipient() == Audience.LEAD) {
            Optional<String> stop = repository.stoppedOn(leadId, channel);
            if (stop.isPresent()) {
                return Optional.of("all".equals(stop.get()) ? LEAD_STOPPED : OPTED_OUT);
            }
        }
        return repository.isSuppressed(channel, hash.of(route.transport(), route.address()))
                ? Optional.of(OPTED_OUT)
                : Optional.empty();
    }

    /** Remembers that this address belongs to the lead, so that its replies find the lead. */
    public void rememberContact(UUID leadId, Route route, Instant now) {
        if (route.recipient() == Audience.LEAD) {
            repository.rememberContact(route.transport().dbValue(), hash.of(route.transport(), route.address()), leadId,
                    now);
        }
    }

    public List<UUID> leadsOf(Transport transport, String address) {
        return repository.leadsOf(transport.dbValue(), hash.of(transport, address));
    }

    /** @return false when the address was suppressed already */
    public boolean suppress(Transport transport, String address, String reason, String actor, Instant now) {
        return repository.suppress(transport.dbValue(), hash.of(transport, address), reason, actor, now);
    }

    /** @return false when the address was not suppressed */
    public boolean unsuppress(Transport transport, String address, String reason, String actor, Instant now) {
        return repository.unsuppress(transport.dbValue(), hash.of(transport, address), reason, actor, now);
    }

    public boolean isSuppressed(Transport transport, String address) {
        return repository.isSuppressed(transport.dbValue(), hash.of(transport, address));
    }
}
