package io.leadflow.intake.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.intake.idempotency.IdempotencyStore;
import io.leadflow.intake.lead.InvalidLeadException;
import io.leadflow.intake.lead.LeadMetrics;
import io.leadflow.intake.problem.FieldError;
import io.leadflow.intake.problem.ProblemType;
import io.leadflow.intake.source.SourceDirectory;
import io.leadflow.intake.source.SourceSettings;
import io.leadflow.intake.source.UnauthorizedSourceException;
import io.quarkus.logging.Log;

/**
 * Meta Lead Ads webhooks: the subscription handshake (the verify token is one of the source's keys), then
 * {@code leadgen} change notifications signed with the app secret. A notification only names a lead; its answers
 * are read from the Graph API. Meta's own lead id makes redeliveries publish nothing new.
 */
@Path("/webhooks/meta/{sourceId}")
@Tag(name = "webhooks")
public class MetaWebhookResource {

    /** Meta's field name for each field of the lead format, to name the field at fault. */
    private static final Map<String, String> FIELD_OF = Map.of("fullName", "full_name", "firstName", "first_name",
            "lastName", "last_name", "email", "email", "phone", "phone_number");

    private static final String EXAMPLE = """
            {"object": "page", "entry": [{"id": "153125381133", "time": 1764781200, "changes": [{"field": "leadgen",
              "value": {"leadgen_id": "444444444444", "page_id": "153125381133", "form_id": "555555555555",
                        "adgroup_id": "666666666666", "ad_id": "777777777777", "created_time": 1764781199}}]}]}
            """;

    @Inject
    SourceDirectory sources;

    @Inject
    MetaCredentials credentials;

    @Inject
    MetaGraphClient graph;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    PlatformLeads platformLeads;

    @Inject
    LeadMetrics metrics;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's subscription handshake: echoes hub.challenge when hub.verify_token is the source's key")
    public String verify(@PathParam("sourceId") String sourceId, @QueryParam("hub.mode") String mode,
            @QueryParam("hub.verify_token") String verifyToken, @QueryParam("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode) || challenge == null || !sources.isKeyOf(sourceId, verifyToken, clock.instant())) {
            throw new UnauthorizedSourceException();
        }
        return challenge;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Meta leadgen change notifications (X-Hub-Signature-256 over the raw body)",
            description = "200 once every lead named in the batch is on Kafka; 503 when Meta's API did not give a lead (Meta retries).")
    public Map<String, Object> receive(@PathParam("sourceId") String sourceId,
            @HeaderParam("X-Hub-Signature-256") String signature,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "leadgen change", value = EXAMPLE))) byte[] body) throws IOException {
        MetaCredentials.Credentials meta = credentials.of(sourceId).orElseThrow(UnauthorizedSourceException::new);
        if (!MetaSignature.matches(signature, meta.appSecret(), body)) {
            throw new UnauthorizedSourceException();
        }
        SourceSettings source = sources.byId(sourceId).orElseThrow(UnauthorizedSourceException::new);
        MetaNotification notification = json.readValue(body, MetaNotification.class);
        List<UUID> leadIds = new ArrayList<>();
        for (MetaNotification.Entry entry : notification.entry() == null ? List.<MetaNotification.Entry> of() : notification.entry()) {
            for (MetaNotification.Change change : entry.changes() == null ? List.<MetaNotification.Change> of() : entry.changes()) {
                if ("leadgen".equals(change.field()) && change.value() != null && change.value().leadgenId() != null) {
                    admit(source, meta, change.value()).ifPresent(leadIds::add);
                }
            }
        }
        return Map.of("leadIds", leadIds);
    }

    private Optional<UUID> admit(SourceSettings source, MetaCredentials.Credentials meta, MetaNotification.Value change) {
        Instant now = clock.instant();
        String key = "meta:" + change.leadgenId();
        var earlier = idempotency.find(source.id(), key, now);
        if (earlier.isPresent()) {
            Log.infof("Meta lead %s for source %s was notified again; nothing published", earlier.get().leadId(), source.id());
            return Optional.of(earlier.get().leadId());
        }
        if (meta.pageAccessToken() == null) {
            throw new LeadSourceUnavailableException("source " + source.id() + " has no Meta page access token");
        }
        MetaLead lead = graph.lead(change.leadgenId(), meta.pageAccessToken());
        PlatformAnswers answers = new PlatformAnswers()
                .campaign("meta_form_id", change.formId())
                .campaign("meta_ad_id", change.adId())
                .campaign("meta_adgroup_id", change.adgroupId());
        if (lead.fieldData() != null) {
            lead.fieldData().forEach(field -> answers.answer(field.name(), field.name(),
                    field.values() == null ? null : String.join(", ", field.values())));
        }
        try {
            return Optional.of(platformLeads.admit(source, now, key, answers.toLead(false), FIELD_OF, "field_data").leadId());
        } catch (InvalidLeadException e) {
            // Meta retries a failed delivery, and this lead will never be valid: count it, log it, go on
            metrics.rejected(source.id(), ProblemType.INVALID_LEAD.slug());
            Log.warnf("Meta lead %s for source %s is unusable (%s); not published", change.leadgenId(),
                    source.id(), e.errors().stream().map(FieldError::field).toList());
            return Optional.empty();
        }
    }
}
