package io.leadflow.cadence.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadflow.cadence.auth.RepSessions;
import io.leadflow.cadence.auth.SignedInRep;
import io.leadflow.cadence.problem.UnauthorizedException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The inbox's live stream (server-sent events): each lead routed or claimed in the rep's sight, as its
 * inbox line, or that it is gone from the inbox. A rep of another team hears only a lead id going.
 */
@Path("/inbox/events")
public class InboxEventsResource {

    /**
     * @param type {@code listening} (first, once the stream hears every new lead), {@code lead} (new
     *             or changed: its line replaces the old one), {@code gone} (another rep claimed it),
     *             {@code reload} (leads may have gone unheard: redraw the list) or {@code heartbeat}
     *             (every 25 s, nothing to do)
     * @param html the lead's inbox line, rendered and escaped by the server
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InboxEvent(String type, String leadId, String name, String html) {

        static final InboxEvent HEARTBEAT = new InboxEvent("heartbeat", null, null, null);

        static InboxEvent of(String type) {
            return new InboxEvent(type, null, null, null);
        }

        static InboxEvent gone(UUID leadId) {
            return new InboxEvent("gone", leadId.toString(), null, null);
        }
    }

    private static final Duration HEARTBEAT = Duration.ofSeconds(25);

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
        signedIn(session);
        Multi<InboxEvent> leads = broadcaster.listen()
                // the routing thread only hands over; the lead is read on a worker
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(heard -> heard.routed() == null ? InboxEvent.of(heard.type()) : event(heard.routed().leadId(), signedIn(session)));
        // proxies close a connection that stays quiet for a minute or so
        Multi<InboxEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT).onOverflow().drop()
                .map(tick -> InboxEvent.HEARTBEAT);
        return Multi.createBy().merging().streams(leads, heartbeats);
    }

    /** Signed out or expired, the stream fails: the browser's reconnection gets 401 and stops. */
    private SignedInRep signedIn(String session) {
        return sessions.find(session).orElseThrow(() -> new UnauthorizedException("Sign in to the inbox"));
    }

    private InboxEvent event(UUID leadId, SignedInRep rep) {
        return inbox.card(leadId, rep)
                .map(card -> new InboxEvent("lead", card.leadId().toString(), card.name(),
                        InboxPages.inbox$card(rep, card, clock.instant()).render()))
                .orElseGet(() -> InboxEvent.gone(leadId));
    }
}
