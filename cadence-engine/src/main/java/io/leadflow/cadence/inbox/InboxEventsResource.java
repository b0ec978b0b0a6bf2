package io.leadflow.cadence.inbox;

import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.leadflow.cadence.auth.RepSessions;
import io.leadflow.cadence.auth.SignedInRep;
import io.leadflow.cadence.problem.UnauthorizedException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** The inbox's live stream (server-sent events): each lead routed to the rep's team, as its inbox line. */
@Path("/inbox/events")
public class InboxEventsResource {

    /**
     * @param type   {@code listening} (first, once the stream hears every new lead) or {@code lead}
     * @param html   the lead's inbox line, rendered and escaped by the server
     */
    public record InboxEvent(String type, String leadId, String name, String html) {

        static InboxEvent listening() {
            return new InboxEvent("listening", null, null, null);
        }
    }

    private final RepSessions sessions;
    private final InboxBroadcaster broadcaster;
    private final InboxService inbox;
    private final Clock clock;

    InboxEventsResource(RepSessions sessions, InboxBroadcaster broadcaster, InboxService inbox, Clock clock) {
        this.sessions = sessions;
        this.broadcaster = broadcaster;
        this.inbox = inbox;
        this.clock = clock;
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<InboxEvent> events(@CookieParam(InboxCookies.NAME) String session) {
        SignedInRep rep = sessions.find(session).orElseThrow(() -> new UnauthorizedException("Sign in to the inbox"));
        return broadcaster.listen()
                // the routing thread only hands over; the lead is read on a worker
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(routed -> routed.isEmpty() ? Optional.of(InboxEvent.listening())
                        : inbox.card(routed.get().leadId(), rep).map(card -> new InboxEvent("lead", card.leadId().toString(),
                                card.name(), InboxPages.inbox$card(rep, card, clock.instant()).render())))
                .filter(Optional::isPresent)
                .map(Optional::get);
    }
}
