package io.leadflow.cadence.inbox;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.leadflow.cadence.activity.RepActionRequests;
import io.leadflow.cadence.activity.RepActions;
import io.leadflow.cadence.auth.SignedInRep;
import io.leadflow.cadence.claim.ClaimService;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.problem.InvalidRequestException;
import io.leadflow.cadence.problem.LeadPendingException;
import io.leadflow.contracts.ActivityKind;
import io.smallrye.common.annotation.Blocking;

/**
 * The rep inbox: the rep's own leads and the team's unclaimed ones, one-tap Claim, each lead's page
 * with its outcomes, pause/resume and commitments (through {@link RepActions}, as the API), and Today.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    static final URI HOME = URI.create("/inbox");

    private final SignedInGuard guard;
    private final InboxService inbox;
    private final RepActions actions;
    private final ClaimService claims;
    private final TodayList today;
    private final Clock clock;

    InboxResource(SignedInGuard guard, InboxService inbox, RepActions actions, ClaimService claims, TodayList today,
            Clock clock) {
        this.guard = guard;
        this.inbox = inbox;
        this.today = today;
        this.actions = actions;
        this.claims = claims;
        this.clock = clock;
    }

    @GET
    @Blocking
    public Response inbox(@CookieParam(InboxCookies.NAME) String session) {
        return guard.page(session, rep -> Response.ok(InboxPages.inbox(rep, inbox.cards(rep), clock.instant()).render()).build());
    }

    @GET
    @Path("leads/{leadId}")
    @Blocking
    public Response lead(@CookieParam(InboxCookies.NAME) String session, @PathParam("leadId") UUID leadId) {
        return guard.page(session, rep -> inbox.mergedInto(leadId, rep)
                .map(survivor -> Response.seeOther(leadPage(survivor)).build())
                .orElseGet(() -> visible(leadId, rep,
                        lead -> Response.ok(InboxPages.lead(rep, inbox.view(lead, rep), clock.instant()).render()).build())));
    }

    @GET
    @Path("today")
    @Blocking
    public Response today(@CookieParam(InboxCookies.NAME) String session) {
        return guard.page(session, rep -> Response.ok(InboxPages.today(rep, today.of(rep, clock.instant())).render()).build());
    }

    /** A rep's outcome; the ones that end the cadence stop it, as through the API. */
    @POST
    @Path("leads/{leadId}/outcome")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response outcome(@CookieParam(InboxCookies.NAME) String session, @FormParam("csrf") String csrf,
            @PathParam("leadId") UUID leadId, @FormParam("outcome") String outcome, @FormParam("note") String note) {
        return act(session, csrf, leadId, ActivityKind.OUTCOME, lead -> RepActionRequests.outcome(outcome, note));
    }

    /** Pauses or resumes every cadence of the lead. */
    @POST
    @Path("leads/{leadId}/{change: pause|resume}")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pauseOrResume(@CookieParam(InboxCookies.NAME) String session, @FormParam("csrf") String csrf,
            @PathParam("leadId") UUID leadId, @PathParam("change") String change) {
        ActivityKind kind = "pause".equals(change) ? ActivityKind.PAUSE : ActivityKind.RESUME;
        return act(session, csrf, leadId, kind, lead -> RepActionRequests.withNote(null));
    }

    /**
     * "I'll call you at…": the time picker shows the lead's local time (the time the rep promised
     * them), so {@code at} is read in the lead's time zone.
     */
    @POST
    @Path("leads/{leadId}/commitment")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response commitment(@CookieParam(InboxCookies.NAME) String session, @FormParam("csrf") String csrf,
            @PathParam("leadId") UUID leadId, @FormParam("at") String at, @FormParam("channel") String channel,
            @FormParam("note") String note) {
        return act(session, csrf, leadId, ActivityKind.COMMITMENT,
                lead -> RepActionRequests.commitment(atLeadsTime(at, lead), channel, note, clock.instant()));
    }

    /** The first claim wins; a rep who was beaten to it is told by whom. */
    @POST
    @Path("leads/{leadId}/claim")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@CookieParam(InboxCookies.NAME) String session, @FormParam("csrf") String csrf,
            @PathParam("leadId") UUID leadId) {
        return guard.post(session, csrf, rep -> visible(leadId, rep, lead -> {
            actions.claim(lead, rep.repId(), "inbox");
            Lead after = claims.current(leadId);
            if (rep.repId().equals(after.claimedByRepId)) {
                return Response.seeOther(leadPage(leadId)).build();
            }
            return Response.status(Response.Status.CONFLICT).entity(InboxPages.message("Already claimed",
                    ClaimService.holder(after).orElse("Another rep") + " claimed " + InboxService.displayName(after) + " first.")
                    .render()).build();
        }));
    }

    private Response act(String session, String csrf, UUID leadId, ActivityKind kind,
            Function<Lead, Map<String, String>> detail) {
        return guard.post(session, csrf, rep -> visible(leadId, rep, lead -> {
            try {
                actions.act(leadId, rep.caller(), kind, detail.apply(lead));
            } catch (InvalidRequestException e) {
                return Response.status(Response.Status.BAD_REQUEST).entity(InboxPages.message("Not saved",
                        e.invalidParams().stream().map(param -> param.name() + " " + param.reason())
                                .collect(Collectors.joining("; "))).render()).build();
            } catch (LeadPendingException e) {
                return notFound();
            }
            return Response.seeOther(leadPage(leadId)).build();
        }));
    }

    /** @return null when it is not a date and time */
    private static Instant atLeadsTime(String localDateTime, Lead lead) {
        try {
            return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(lead.timeZone)).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static URI leadPage(UUID leadId) {
        return URI.create("/inbox/leads/" + leadId);
    }

    /** Another rep's lead answers exactly as a lead that does not exist. */
    private Response visible(UUID leadId, SignedInRep rep, Function<Lead, Response> action) {
        return inbox.lead(leadId, rep).map(action).orElseGet(InboxResource::notFound);
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(InboxPages.message("No such lead", "There is no such lead in your inbox.").render()).build();
    }
}
