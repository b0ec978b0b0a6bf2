package io.leadflow.cadence.playbook;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.leadflow.cadence.auth.BearerTokenAuthenticator;
import io.leadflow.cadence.problem.InvalidRequestException;
import io.leadflow.cadence.problem.Problem;
import io.smallrye.common.annotation.Blocking;

/** Playbooks as data: read them, check one, add a version (managers and ops). */
@Path("/api/playbooks")
@Produces(MediaType.APPLICATION_JSON)
public class PlaybookResource {

    private final BearerTokenAuthenticator authenticator;
    private final PlaybookCatalog playbooks;

    PlaybookResource(BearerTokenAuthenticator authenticator, PlaybookCatalog playbooks) {
        this.authenticator = authenticator;
        this.playbooks = playbooks;
    }

    /** The latest version of each playbook. */
    @GET
    @Blocking
    public List<Playbook> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.authenticate(authorization);
        return playbooks.all();
    }

    /** The latest version, or {@code ?version=n}. */
    @GET
    @Path("{id}")
    @Blocking
    public Response get(@PathParam("id") String id, @QueryParam("version") Integer version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.authenticate(authorization);
        return (version == null ? playbooks.latest(id) : playbooks.version(id, version))
                .map(playbook -> Response.ok(playbook).build())
                .orElseGet(() -> Problem.of("not-found", "No such playbook", Response.Status.NOT_FOUND,
                        "No playbook " + id + (version == null ? "" : " version " + version)).toResponse().build());
    }

    /** Every problem of a submitted playbook; nothing is stored. */
    @POST
    @Path("validation")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Validation validate(Playbook playbook, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.authenticate(authorization);
        List<PlaybookValidator.PlaybookProblem> problems = playbooks.validate(playbook);
        return new Validation(problems.isEmpty(), problems);
    }

    /** Stores the playbook as the next version of its id; cadences already running keep theirs. */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(Playbook playbook, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.authenticateManager(authorization);
        List<PlaybookValidator.PlaybookProblem> problems = playbooks.validate(playbook);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream()
                    .map(problem -> new Problem.InvalidParam(problem.field(), problem.message())).toList());
        }
        Playbook stored = playbooks.addVersion(playbook);
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    public record Validation(boolean valid, List<PlaybookValidator.PlaybookProblem> problems) {
    }
}
