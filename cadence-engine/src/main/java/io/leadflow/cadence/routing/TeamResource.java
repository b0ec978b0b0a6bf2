package io.leadflow.cadence.routing;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.leadflow.cadence.auth.BearerTokenAuthenticator;
import io.leadflow.cadence.problem.InvalidRequestException;
import io.smallrye.common.annotation.Blocking;

/** Teams: managers and ops read them, ops create and change them. */
@Path("/api/teams")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final BearerTokenAuthenticator authenticator;
    private final RepDirectory directory;

    TeamResource(BearerTokenAuthenticator authenticator, RepDirectory directory) {
        this.authenticator = authenticator;
        this.directory = directory;
    }

    @GET
    @Blocking
    public List<TeamRequest.TeamView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.authenticateManager(authorization);
        return directory.teams();
    }

    /** Creates the team or replaces its name, manager and on-call rep. */
    @PUT
    @Path("{teamId}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public TeamRequest.TeamView put(@PathParam("teamId") String teamId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, TeamRequest request) {
        authenticator.authenticateOps(authorization);
        TeamRequest.requireValidId(teamId);
        if (request == null) {
            throw InvalidRequestException.of("body", "a JSON team is required");
        }
        return directory.putTeam(teamId, request);
    }
}
