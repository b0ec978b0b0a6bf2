package io.leadflow.cadence.inbox;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

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

import io.leadflow.cadence.activity.RepActions;
import io.leadflow.cadence.auth.SignedInRep;
import io.leadflow.cadence.claim.ClaimService;
import io.leadflow.cadence.lead.Lead;
import io.smallrye.common.annotation.Blocking;

/** The rep inbox: the rep's own leads and the team's unclaimed ones, each lead's page, one-tap Claim. */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    static final URI HOME = URI.create("/inbox");

    private final SignedInGuard guard;
    private final InboxService inbox;
    private final RepActions actions;
    private final ClaimService claims;
    private final Clock clock;

    InboxResource(SignedInGuard guard, InboxService inbox, RepActions actions, ClaimService claims, Clock clock) {
        this.guard = guard;
        this.inbox = inbox;
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
        return guard.page(session, rep -> visible(leadId, rep,
                lead -> Response.ok(InboxPages.lead(rep, inbox.card(lead, rep), clock.instant()).render()).build()));
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

    static URI leadPage(UUID leadId) {
        return URI.create("/inbox/leads/" + leadId);
    }

    /** Another rep's lead answers exactly as a lead that does not exist. */
    private Response visible(UUID leadId, SignedInRep rep, Function<Lead, Response> action) {
        return inbox.lead(leadId, rep).map(action).orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                .entity(InboxPages.message("No such lead", "There is no such lead in your inbox.").render()).build());
    }
}
