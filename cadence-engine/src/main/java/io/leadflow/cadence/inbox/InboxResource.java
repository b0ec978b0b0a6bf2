package io.leadflow.cadence.inbox;

import java.net.URI;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.Blocking;

/** The rep inbox: the rep's own leads and the team's unclaimed ones. */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    static final URI HOME = URI.create("/inbox");

    private final SignedInGuard guard;

    InboxResource(SignedInGuard guard) {
        this.guard = guard;
    }

    @GET
    @Blocking
    public Response inbox(@CookieParam(InboxCookies.NAME) String session) {
        return guard.page(session, rep -> Response.ok(InboxPages.inbox(rep).render()).build());
    }
}
