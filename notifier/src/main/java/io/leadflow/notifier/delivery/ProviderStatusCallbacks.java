package io.leadflow.notifier.delivery;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;

/**
 * Applies an SMS provider's status callback to the touch's delivery: queued → sent → delivered,
 * undelivered or failed. A final status is reported on {@code touches.results}, so the lead's
 * timeline shows a text that was accepted but never reached the phone.
 */
@ApplicationScoped
public class ProviderStatusCallbacks {

    public enum Applied {
        /** The status moved forward. */
        ADVANCED,
        /** Not newer than what the delivery has (a callback out of order or repeated), or not tracked. */
        IGNORED,
        UNKNOWN_TOUCH
    }

    private static final Logger LOG = Logger.getLogger(ProviderStatusCallbacks.class);

    private final DeliveryRepository deliveries;
    private final ResultPublisher results;
    private final Clock clock;

    public ProviderStatusCallbacks(DeliveryRepository deliveries, ResultPublisher results, Clock clock) {
        this.deliveries = deliveries;
        this.results = results;
        this.clock = clock;
    }

    public Applied apply(UUID touchId, String messageStatus, String errorCode) {
        Optional<Delivery> delivery = deliveries.find(touchId);
        if (delivery.isEmpty()) {
            return Applied.UNKNOWN_TOUCH;
        }
        Optional<ProviderStatus> status = ProviderStatus.parse(messageStatus);
        if (status.isEmpty() || !deliveries.advanceProviderStatus(touchId, status.get())) {
            return Applied.IGNORED;
        }
        Delivery row = delivery.get();
        LOG.infof("touch %s lead %s: provider reports %s%s", touchId, row.leadId, status.get().dbValue(),
                errorCode == null ? "" : ", code " + errorCode);
        status.get().result().ifPresent(result -> results.publish(new TouchResult(touchId, row.leadId, row.channel(),
                result, result == TouchStatus.DELIVERED ? "delivered" : "provider_" + status.get().dbValue(),
                errorCode, row.providerMessageId, clock.instant()), UUID.randomUUID()));
        return Applied.ADVANCED;
    }
}
