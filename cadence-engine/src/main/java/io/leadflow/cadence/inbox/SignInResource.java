package io.leadflow.cadence.inbox;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.leadflow.cadence.auth.RepSessions;
import io.leadflow.cadence.auth.SignInLockedException;
import io.smallrye.common.annotation.Blocking;

/** Signing in to and out of the rep inbox. */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    static final URI SIGN_IN = URI.create("/inbox/sign-in");

    private final RepSessions sessions;
    private final InboxCookies cookies;
    private final SignedInGuard guard;

    SignInResource(RepSessions sessions, InboxCookies cookies, SignedInGuard guard) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.guard = guard;
    }

    @GET
    @Path("sign-in")
    public String form() {
        return InboxPages.signIn(null, null).render();
    }

    @POST
    @Path("sign-in")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("email") String email, @FormParam("password") String password,
            @Context UriInfo request) {
        try {
            return signedIn(email, password, request);
        } catch (SignInLockedException e) {
            return Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .entity(InboxPages.signIn(email, "Too many failed sign-ins for this email. Try again in 15 minutes.").render())
                    .build();
        }
    }

    private Response signedIn(String email, String password, UriInfo request) {
        return sessions.signIn(email, password)
                .map(session -> Response.seeOther(InboxResource.HOME)
                        .header(HttpHeaders.SET_COOKIE, cookies.open(session.token(), session.ttl(), request)).build())
                .orElseGet(() -> Response.status(Response.Status.UNAUTHORIZED)
                        .entity(InboxPages.signIn(email, "That email and password do not match an active rep.").render())
                        .build());
    }

    @POST
    @Path("sign-out")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@CookieParam(InboxCookies.NAME) String session, @FormParam("csrf") String csrf,
            @Context UriInfo request) {
        return guard.post(session, csrf, rep -> {
            sessions.signOut(session);
            return Response.seeOther(SIGN_IN).header(HttpHeaders.SET_COOKIE, cookies.clear(request)).build();
        });
    }
}
