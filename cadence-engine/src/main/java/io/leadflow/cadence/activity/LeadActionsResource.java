package io.leadflow.cadence.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.leadflow.cadence.auth.BearerTokenAuthenticator;
import io.leadflow.contracts.ActivityKind;
import io.smallrye.common.annotation.Blocking;

/** What a rep (or a manager, or ops) does about a lead: outcomes, commitments, pause and resume. */
@Path("/api/leads/{leadId}")
@Produces(MediaType.APPLICATION_JSON)
public class LeadActionsResource {

    private final BearerTokenAuthenticator authenticator;
    private final RepActions actions;
    private final Clock clock;

    LeadActionsResource(BearerTokenAuthenticator authenticator, RepActions actions, Clock clock) {
        this.authenticator = authenticator;
        this.actions = actions;
        this.clock = clock;
    }

    /** @param note optional, shown on the timeline */
    public record OutcomeRequest(String outcome, String note) {
    }

    public record NoteRequest(String note) {
    }

    /**
     * @param at      ISO-8601 instant in the future, e.g. {@code 2026-12-03T23:00:00Z}
     * @param channel {@code call_task}, {@code sms} or {@code email}
     */
    public record CommitmentRequest(String at, String channel, String note) {
    }

    @POST
    @Path("commitments")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public RepActions.ActionResult commitment(@PathParam("leadId") UUID leadId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, CommitmentRequest request) {
        var caller = authenticator.authenticate(authorization);
        CommitmentRequest body = request == null ? new CommitmentRequest(null, null, null) : request;
        Instant at = null;
        try {
            at = body.at() == null ? null : Instant.parse(body.at());
        } catch (DateTimeParseException e) {
            // reported as an invalid "at"
        }
        return actions.act(leadId, caller, ActivityKind.COMMITMENT,
                RepActionRequests.commitment(at, body.channel(), body.note(), clock.instant()));
    }

    @POST
    @Path("outcomes")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public RepActions.ActionResult outcome(@PathParam("leadId") UUID leadId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, OutcomeRequest request) {
        var caller = authenticator.authenticate(authorization);
        return actions.act(leadId, caller, ActivityKind.OUTCOME,
                RepActionRequests.outcome(request == null ? null : request.outcome(), request == null ? null : request.note()));
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
                RepActionRequests.withNote(request == null ? null : request.note()));
    }
}
