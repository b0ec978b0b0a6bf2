package io.leadflow.cadence.activity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.leadflow.cadence.auth.BearerTokenAuthenticator;
import io.leadflow.cadence.problem.InvalidRequestException;
import io.leadflow.contracts.ActivityKind;
import io.smallrye.common.annotation.Blocking;

/** What a rep (or a manager, or ops) does about a lead: outcomes, pause and resume. */
@Path("/api/leads/{leadId}")
@Produces(MediaType.APPLICATION_JSON)
public class LeadActionsResource {

    private static final String VALID_OUTCOMES = Arrays.stream(Outcome.values()).map(Outcome::wireName)
            .collect(Collectors.joining(", "));

    private final BearerTokenAuthenticator authenticator;
    private final RepActions actions;

    LeadActionsResource(BearerTokenAuthenticator authenticator, RepActions actions) {
        this.authenticator = authenticator;
        this.actions = actions;
    }

    /** @param note optional, shown on the timeline */
    public record OutcomeRequest(String outcome, String note) {
    }

    public record NoteRequest(String note) {
    }

    @POST
    @Path("outcomes")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public RepActions.ActionResult outcome(@PathParam("leadId") UUID leadId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, OutcomeRequest request) {
        var caller = authenticator.authenticate(authorization);
        String outcome = request == null ? null : request.outcome();
        if (Outcome.fromWire(outcome).isEmpty()) {
            throw InvalidRequestException.of("outcome", "must be one of " + VALID_OUTCOMES);
        }
        Map<String, String> detail = withNote(request.note());
        detail.put(StopPolicy.OUTCOME, outcome);
        return actions.act(leadId, caller, ActivityKind.OUTCOME, detail);
    }

    @POST
    @Path("pause")
    @Blocking
    public RepActions.ActionResult pause(@PathParam("leadId") UUID leadId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, NoteRequest request) {
        return noted(leadId, authorization, ActivityKind.PAUSE, request);
    }

    @POST
    @Path("resume")
    @Blocking
    public RepActions.ActionResult resume(@PathParam("leadId") UUID leadId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, NoteRequest request) {
        return noted(leadId, authorization, ActivityKind.RESUME, request);
    }

    private RepActions.ActionResult noted(UUID leadId, String authorization, ActivityKind kind, NoteRequest request) {
        return actions.act(leadId, authenticator.authenticate(authorization), kind,
                withNote(request == null ? null : request.note()));
    }

    private static Map<String, String> withNote(String note) {
        Map<String, String> detail = new HashMap<>();
        if (note != null && !note.isBlank()) {
            detail.put("note", note);
        }
        return detail;
    }
}
