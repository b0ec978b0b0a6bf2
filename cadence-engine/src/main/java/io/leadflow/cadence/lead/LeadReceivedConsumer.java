package io.leadflow.cadence.lead;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.leadflow.cadence.MessagingChannels;
import io.leadflow.cadence.messaging.TransientRetry;
import io.leadflow.cadence.scheduling.TouchDispatcher;
import io.leadflow.contracts.LeadReceived;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes new leads. The lead and its cadence are committed before the offset is acknowledged.
 * A transient database failure is retried here; only a record that breaks the contract is nacked
 * (to the DLQ). The touches due now take the fast path
 * right after the commit; if that fails they are still scheduled and the poller sends them.
 */
@ApplicationScoped
public class LeadReceivedConsumer {

    private static final Logger LOG = Logger.getLogger(LeadReceivedConsumer.class);

    private final LeadRegistration registration;
    private final TouchDispatcher dispatcher;
    private final TransientRetry retry;

    LeadReceivedConsumer(LeadRegistration registration, TouchDispatcher dispatcher, TransientRetry retry) {
        this.registration = registration;
        this.dispatcher = dispatcher;
        this.retry = retry;
    }

    @Incoming(MessagingChannels.LEADS_RECEIVED)
    @Blocking(value = MessagingChannels.DATABASE_WORKERS, ordered = false)
    public void onLeadReceived(LeadReceived event) {
        LeadReceivedContract.check(event);
        List<UUID> dueNow = retry.call("Registration", event.leadId(), () -> registration.register(event));
        try {
            dispatcher.dispatch(dueNow);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Fast path failed for lead %s; the poller will dispatch its touches", event.leadId());
        }
    }
}
