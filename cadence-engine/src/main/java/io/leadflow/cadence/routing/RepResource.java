package io.leadflow.cadence.routing;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.leadflow.cadence.auth.BearerTokenAuthenticator;
import io.leadflow.cadence.problem.InvalidRequestException;
import io.smallrye.common.annotation.Blocking;

/** Reps: ops for every team, managers for their own team's reps. */
@Path("/api/reps")
@Produces(MediaType.APPLICATION_JSON)
public class RepResource {

    private final BearerTokenAuthenticator authenticator;
    private final RepDirectory directory;

    RepResource(BearerTokenAuthenticator authenticator, RepDirectory directory) {
        this.authenticator = authenticator;
        this.directory = directory;
    }

    @GET
    @Blocking
    public List<RepRequest.RepView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return directory.reps(authenticator.authenticateManager(authorization));
    }

    @GET
    @Path("{repId}")
    @Blocking
    public RepRequest.RepView get(@PathParam("repId") UUID repId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return directory.rep(repId, authenticator.authenticateManager(authorization))
                .orElseThrow(() -> new NotFoundException("No such rep in your team"));
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, RepRequest request) {
        RepRequest.RepView created = directory.create(required(request), authenticator.authenticateManager(authorization));
        return Response.created(URI.create("/api/reps/" + created.id())).entity(created).build();
    }

    /** Changes the fields given; {@code "on": false} hands the rep's unclaimed leads to another rep. */
    @PATCH
    @Path("{repId}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public RepRequest.RepView update(@PathParam("repId") UUID repId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, RepRequest request) {
        return directory.update(repId, required(request), authenticator.authenticateManager(authorization))
                .orElseThrow(() -> new NotFoundException("No such rep in your team"));
    }

    private static RepRequest required(RepRequest request) {
        if (request == null) {
            throw InvalidRequestException.of("body", "a JSON rep is required");
        }
        return request;
    }
}
