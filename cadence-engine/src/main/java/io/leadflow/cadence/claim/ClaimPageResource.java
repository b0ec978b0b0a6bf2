package io.leadflow.cadence.claim;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.leadflow.cadence.activity.RepActions;
import io.leadflow.cadence.lead.Lead;
import io.smallrye.common.annotation.Blocking;

/**
 * The page behind a rep's claim link. A GET only shows the lead and a Claim button (mail and SMS
 * link scanners follow links); the button POSTs, and the first claim wins.
 */
@Path(ClaimLinks.PATH + "{token}")
@Produces(MediaType.TEXT_HTML)
public class ClaimPageResource {

    private final ClaimTokens tokens;
    private final RepActions actions;
    private final ClaimService claims;
    private final Clock clock;

    ClaimPageResource(ClaimTokens tokens, RepActions actions, ClaimService claims, Clock clock) {
        this.tokens = tokens;
        this.actions = actions;
        this.claims = claims;
        this.clock = clock;
    }

    @GET
    @Blocking
    public Response page(@PathParam("token") String token) {
        return withLead(token, (claim, lead) -> Response.ok(ClaimPages.offer(lead, ClaimService.holder(lead))).build());
    }

    @POST
    @Blocking
    public Response claim(@PathParam("token") String token) {
        return withLead(token, (claim, lead) -> {
            actions.claim(lead, claim.repId(), "link");
            Lead after = claims.current(lead.id);
            return Response.ok(claim.repId().equals(after.claimedByRepId) ? ClaimPages.yours(after)
                    : ClaimPages.taken(after, ClaimService.holder(after))).build();
        });
    }

    private Response withLead(String token, BiFunction<ClaimTokens.ClaimToken, Lead, Response> action) {
        Optional<ClaimTokens.ClaimToken> claim = tokens.verify(token);
        if (claim.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).entity(ClaimPages.message("This claim link is not valid.")).build();
        }
        if (claim.get().expiredAt(clock.instant())) {
            return Response.status(Response.Status.GONE)
                    .entity(ClaimPages.message("This claim link has expired; the lead has moved on. Ask your manager.")).build();
        }
        Lead lead = claims.current(claim.get().leadId());
        if (lead == null) {
            return Response.status(Response.Status.NOT_FOUND).entity(ClaimPages.message("No such lead.")).build();
        }
        return action.apply(claim.get(), lead);
    }
}
