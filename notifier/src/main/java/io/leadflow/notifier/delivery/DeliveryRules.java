package io.leadflow.notifier.delivery;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.optout.OptOuts;
import io.leadflow.notifier.template.TemplateMissingException;

/**
 * Whether a touch may be sent now, checked before every attempt (the first and each retry): a
 * lead that stopped or opted out in between is not texted by a retry either.
 */
@ApplicationScoped
public class DeliveryRules {

    private static final Logger LOG = Logger.getLogger(DeliveryRules.class);

    private final TouchSender sender;
    private final OptOuts optOuts;

    public DeliveryRules(TouchSender sender, OptOuts optOuts) {
        this.sender = sender;
        this.optOuts = optOuts;
    }

    /**
     * What to do with a touch now: record {@code notSent} (nothing goes out), or send {@code prepared}.
     *
     * @param transport how it would go out, null when the recipient has no address for it
     */
    public record Decision(String transport, Outcome notSent, TouchSender.Prepared prepared) {
    }

    /** One transaction for its lookups (stop state, suppression, sending number): one commit per touch, not four. */
    @Transactional
    public Decision decide(TouchDue touch, Instant now) {
        Optional<Route> route = Route.of(touch);
        String transport = route.map(r -> r.transport().dbValue()).orElse(null);
        if (touch.lead() != null && touch.lead().test()) {
            return new Decision(transport, Outcome.skipped(Outcome.TEST_LEAD, now), null);
        }
        if (touch.window() != null && !touch.window().contains(now)) {
            return new Decision(transport, Outcome.deferred(Outcome.OUTSIDE_CONTACT_WINDOW, now), null);
        }
        if (route.isEmpty()) {
            return new Decision(null, Outcome.skipped(Outcome.NO_ADDRESS, now), null);
        }
        Optional<String> stopped = optOuts.reasonNotToSend(touch.leadId(), route.get());
        if (stopped.isPresent()) {
            return new Decision(transport, Outcome.skipped(stopped.get(), now), null);
        }
        try {
            // rendered before anything is claimed, so a missing template never leaves a send in doubt
            return new Decision(transport, null, sender.prepare(touch, route.get()));
        } catch (TemplateMissingException e) {
            LOG.errorf("touch %s lead %s: %s", touch.touchId(), touch.leadId(), e.getMessage());
            return new Decision(transport, Outcome.failed(Outcome.TEMPLATE_MISSING, null, now), null);
        }
    }
}
