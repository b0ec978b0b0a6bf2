package io.leadflow.cadence.auth;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.leadflow.cadence.problem.InvalidRequestException;
import io.leadflow.cadence.routing.Rep;
import io.smallrye.common.annotation.Blocking;

/** Gives a rep an inbox password (ops for any rep, a manager for the reps of their team); it ends the rep's sessions. */
@Path("/api/reps/{repId}/inbox-password")
public class RepPasswordResource {

    static final int SHORTEST = 12;
    static final int LONGEST = 200;

    private final BearerTokenAuthenticator authenticator;
    private final RepSessions sessions;

    RepPasswordResource(BearerTokenAuthenticator authenticator, RepSessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    public record PasswordRequest(String password) {
    }

    @PUT
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public void set(@PathParam("repId") UUID repId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            PasswordRequest request) {
        Caller caller = authenticator.authenticateManager(authorization);
        String password = request == null ? null : request.password();
        if (password == null || password.length() < SHORTEST || password.length() > LONGEST) {
            throw InvalidRequestException.of("password", "must be " + SHORTEST + " to " + LONGEST + " characters");
        }
        if (!sessions.setPassword(repId, password, caller)) {
            throw new NotFoundException("No such rep in your team");
        }
    }
}
