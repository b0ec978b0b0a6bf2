package io.leadflow.cadence.inbox;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.leadflow.cadence.routing.LeadRouted;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Tells the open inboxes of this engine instance about leads routed here, once the routing has
 * committed. With several engine instances a rep connected to one does not hear about leads another
 * routed (until the page reloads); that needs a shared channel (a Kafka topic or PostgreSQL NOTIFY).
 */
@ApplicationScoped
public class InboxBroadcaster {

    private final Set<MultiEmitter<? super Optional<LeadRouted>>> listeners = ConcurrentHashMap.newKeySet();

    /**
     * Every lead routed from now on. The stream starts with an empty item as soon as it listens, so
     * a client knows from when on it hears every lead.
     */
    Multi<Optional<LeadRouted>> listen() {
        return Multi.createFrom().emitter(emitter -> {
            listeners.add(emitter);
            emitter.onTermination(() -> listeners.remove(emitter));
            emitter.emit(Optional.empty());
        });
    }

    void onRouted(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadRouted routed) {
        listeners.forEach(listener -> listener.emit(Optional.of(routed)));
    }
}
