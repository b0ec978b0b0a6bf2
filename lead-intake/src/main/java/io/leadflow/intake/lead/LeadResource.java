package io.leadflow.intake.lead;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.leadflow.intake.config.IntakeConfig;
import io.leadflow.intake.source.AuthenticatedSource;
import io.leadflow.intake.source.SourceKeyRequired;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** The public door for leads. */
@Path("/api/leads")
public class LeadResource {

    @Inject
    LeadService leads;

    @Inject
    AuthenticatedSource source;

    @Inject
    IntakeConfig config;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SourceKeyRequired
    @Operation(summary = "Take a lead", description = "Answers 202 once Kafka has the leads.received event.")
    public Uni<Response> createLead(@NotNull @Valid LeadRequest lead,
            @HeaderParam(LeadService.IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpServerRequest http) {
        Instant receivedAt = clock.instant();
        SocketAddress remote = http.remoteAddress();
        Submission submission = new Submission(source.require(), receivedAt, idempotencyKey,
                remote == null ? null : remote.hostAddress());
        return leads.accept(lead, submission).map(event -> {
            URI timeline = timelineOf(event.leadId().toString());
            return Response.accepted(new LeadAccepted(event.leadId(), event.receivedAt(),
                    new LeadAccepted.Links(timeline.toString())))
                    .location(timeline)
                    .build();
        });
    }

    private URI timelineOf(String leadId) {
        String base = config.timelineBaseUrl().replaceAll("/+$", "");
        return URI.create(base + "/api/leads/" + leadId + "/timeline");
    }
}
