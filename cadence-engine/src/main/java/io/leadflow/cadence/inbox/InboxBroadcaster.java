package io.leadflow.cadence.inbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.leadflow.cadence.routing.LeadRouted;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Tells the open inboxes of this engine instance about every lead routed: here, once the routing has
 * committed; on another instance, as {@link RoutedLeadListener} hears it.
 */
@ApplicationScoped
public class InboxBroadcaster {

    /**
     * What an open inbox hears: {@code listening} (from now on it hears every lead), {@code lead}
     * (with the routing) or {@code reload} (some routings went unheard).
     */
    record Heard(String type, LeadRouted routed) {

        static final Heard LISTENING = new Heard("listening", null);
        static final Heard MISSED_SOME = new Heard("reload", null);
    }

    private final Set<MultiEmitter<? super Heard>> listeners = ConcurrentHashMap.newKeySet();

    /** Every lead routed from now on, after a first {@code listening}. */
    Multi<Heard> listen() {
        return Multi.createFrom().emitter(emitter -> {
            listeners.add(emitter);
            emitter.onTermination(() -> listeners.remove(emitter));
            emitter.emit(Heard.LISTENING);
        });
    }

    void onRouted(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadRouted routed) {
        deliver(routed);
    }

    void deliver(LeadRouted routed) {
        Heard heard = new Heard("lead", routed);
        listeners.forEach(listener -> listener.emit(heard));
    }

    /** Tells every open inbox to redraw: routings may have gone unheard. */
    void missedSome() {
        listeners.forEach(listener -> listener.emit(Heard.MISSED_SOME));
    }
}
