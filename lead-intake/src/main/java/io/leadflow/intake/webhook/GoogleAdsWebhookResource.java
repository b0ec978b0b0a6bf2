package io.leadflow.intake.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadflow.intake.lead.InvalidLeadException;
import io.leadflow.intake.lead.LeadAdmission;
import io.leadflow.intake.problem.FieldError;
import io.leadflow.intake.source.SourceDirectory;
import io.leadflow.intake.source.SourceSettings;
import io.leadflow.intake.source.UnauthorizedSourceException;
import io.quarkus.logging.Log;

/**
 * Google Ads lead form extension webhook. The {@code google_key} configured on the form is one of the source's
 * keys; the lead id is derived from Google's {@code lead_id}, so Google's retries publish nothing new.
 */
@Path("/webhooks/google-ads/{sourceId}")
@Tag(name = "webhooks")
public class GoogleAdsWebhookResource {

    /** Google's column id for each field of the lead format, to name the column at fault. */
    private static final Map<String, String> COLUMN_OF = Map.of("fullName", "FULL_NAME", "firstName", "FIRST_NAME",
            "lastName", "LAST_NAME", "email", "EMAIL", "phone", "PHONE_NUMBER");

    private static final String EXAMPLE = """
            {"lead_id": "TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-AaBbCcDdEe",
             "user_column_data": [
               {"column_name": "Full Name", "string_value": "FirstName LastName", "column_id": "FULL_NAME"},
               {"column_name": "User Phone", "string_value": "+16505550123", "column_id": "PHONE_NUMBER"},
               {"column_name": "User Email", "string_value": "test@example.com", "column_id": "EMAIL"},
               {"column_name": "Which community?", "string_value": "Oak Ridge", "column_id": "what_community"}],
             "api_version": "1.0", "form_id": 40000000000, "campaign_id": 20000000000, "google_key": "<source key>",
             "is_test": true, "gcl_id": "TeSter-123", "adgroup_id": 20000000000, "creative_id": 30000000000}
            """;

    @Inject
    SourceDirectory sources;

    @Inject
    PlatformLeads platformLeads;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a Google Ads lead form lead (WebhookLead JSON)",
            description = "200 once Kafka has the lead; a repeated lead_id answers 200 and publishes nothing. "
                    + "is_test leads are kept and marked test: they never message anyone.")
    public Map<String, Object> receive(@PathParam("sourceId") String sourceId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "WebhookLead", value = EXAMPLE))) @NotNull GoogleAdsLead lead) {
        Instant now = clock.instant();
        SourceSettings source = sources.byId(sourceId)
                .filter(found -> sources.isKeyOf(found.id(), lead.googleKey(), now))
                .orElseThrow(UnauthorizedSourceException::new);
        if (lead.leadId() == null || lead.leadId().isBlank() || lead.leadId().length() > 190) {
            throw new InvalidLeadException(List.of(new FieldError("lead_id", "is required (at most 190 characters)")));
        }
        PlatformAnswers answers = new PlatformAnswers()
                .campaign("gclid", lead.gclId())
                .campaign("google_campaign_id", lead.campaignId())
                .campaign("google_form_id", lead.formId())
                .campaign("google_adgroup_id", lead.adgroupId())
                .campaign("google_creative_id", lead.creativeId());
        if (lead.userColumnData() != null) {
            lead.userColumnData().forEach(column ->
                    answers.answer(column.columnId(), column.columnName(), column.stringValue()));
        }
        LeadAdmission.Admitted admitted = platformLeads.admit(source, now, "google:" + lead.leadId(),
                answers.toLead(Boolean.TRUE.equals(lead.isTest())), COLUMN_OF, "user_column_data");
        if (admitted.repeated()) {
            Log.infof("Google Ads lead %s for source %s was delivered again; nothing published", admitted.leadId(), sourceId);
        }
        return Map.of("leadId", admitted.leadId());
    }
}
