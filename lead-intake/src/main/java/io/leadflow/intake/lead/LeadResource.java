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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadflow.intake.config.IntakeConfig;
import io.leadflow.intake.source.AuthenticatedSource;
import io.leadflow.intake.source.SourceKeyRequired;
import io.vertx.core.http.HttpServerRequest;

/** The public door for leads in Leadflow's own JSON format. */
@Path("/api/leads")
@Tag(name = "leads")
public class LeadResource {

    private static final String EXAMPLE = """
            {"firstName": "Maria", "lastName": "Lopez", "email": "maria@example.com", "phone": "(415) 555-0123",
             "message": "We are relocating in June and would like to tour.",
             "interest": {"community": "Oak Ridge", "homeSize": "3-4 bedrooms", "budget": "$450k-$500k",
                          "timeline": "3-6 months", "heardAbout": "Google", "custom": {"pets": "one dog"}},
             "utm": {"utm_source": "google", "utm_campaign": "fall-open-house"},
             "consent": {"sms": true, "email": true, "text": "I agree to receive texts from Oak Ridge Homes.",
                         "pageUrl": "https://oakridge.example/contact"}}
            """;

    @Inject
    LeadAdmission admission;

    @Inject
    LeadFingerprints fingerprints;

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
    @Operation(summary = "Take a lead", description = "Answers 202 once Kafka has the leads.received event. "
            + "A retry with the same Idempotency-Key and body gets the first answer and publishes nothing.")
    public Response createLead(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "community inquiry", value = EXAMPLE))) @NotNull @Valid LeadRequest lead,
            @HeaderParam(LeadAdmission.IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpServerRequest http) {
        Instant receivedAt = clock.instant();
        Submission submission = new Submission(source.require(), receivedAt, idempotencyKey,
                fingerprints.of(lead), ClientAddress.of(http));
        LeadAdmission.Admitted admitted = admission.admit(lead, submission);
        URI timeline = timelineOf(admitted.leadId().toString());
        return Response.accepted(new LeadAccepted(admitted.leadId(), admitted.receivedAt(),
                new LeadAccepted.Links(timeline.toString())))
                .location(timeline)
                .build();
    }

    private URI timelineOf(String leadId) {
        String base = config.timelineBaseUrl().replaceAll("/+$", "");
        return URI.create(base + "/api/leads/" + leadId + "/timeline");
    }
}
