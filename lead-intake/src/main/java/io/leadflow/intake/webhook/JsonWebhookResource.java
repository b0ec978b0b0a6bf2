package io.leadflow.intake.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.intake.config.IntakeConfig;
import io.leadflow.intake.lead.InvalidLeadException;
import io.leadflow.intake.lead.LeadAdmission;
import io.leadflow.intake.problem.FieldError;
import io.leadflow.intake.source.BearerTokens;
import io.leadflow.intake.source.SourceDirectory;
import io.leadflow.intake.source.SourceSettings;
import io.leadflow.intake.source.UnauthorizedSourceException;

/**
 * Generic JSON (Zapier, Typeform, a CRM), read with the source's field mapping and common names. A source with a
 * webhook secret takes only deliveries signed with it ({@code Typeform-Signature}) whose submission time is within
 * the idempotency lifetime (older replays could no longer be recognised); any other source takes its key as a
 * bearer token. The sender's id (Typeform's response {@code token}, a mapped {@code externalId}) or an
 * {@code Idempotency-Key} makes a redelivery publish nothing new.
 */
@Path("/webhooks/json/{sourceId}")
@Tag(name = "webhooks")
public class JsonWebhookResource {

    /** A signed submission stamped later than this after our clock is refused too (clock skew allowance). */
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    private static final int EXTERNAL_ID_MAX = 190;

    private static final String TYPEFORM_EXAMPLE = """
            {"event_id": "01HK2M3W4X5Y6Z7A8B9C0D1E2F", "event_type": "form_response",
             "form_response": {"form_id": "lT4Z3j", "token": "a3a12ec67a1365927098a606107fac15",
               "submitted_at": "2026-12-03T13:00:00Z", "hidden": {"utm_source": "facebook"},
               "definition": {"fields": [{"id": "X4BgU2f1K6tG", "title": "When do you plan to move in?", "ref": "move_in"}]},
               "answers": [
                 {"type": "text", "text": "Maria Lopez", "field": {"id": "Zp1S6lUCi2nB", "type": "short_text", "ref": "full_name"}},
                 {"type": "email", "email": "maria@example.com", "field": {"id": "DlXFaesGBpoF", "type": "email", "ref": "email"}},
                 {"type": "phone_number", "phone_number": "+14155550123", "field": {"id": "SMEUb7VJz92Q", "type": "phone_number", "ref": "phone"}},
                 {"type": "choice", "choice": {"label": "3-6 months"}, "field": {"id": "X4BgU2f1K6tG", "type": "multiple_choice", "ref": "move_in"}},
                 {"type": "boolean", "boolean": true, "field": {"id": "gFFf3xAkJKsr", "type": "yes_no", "ref": "sms_consent"}}]}}
            """;
    private static final String FLAT_EXAMPLE = """
            {"id": "zap-20261203-0042", "first_name": "Ana", "last_name": "Ruiz", "email_address": "ana@example.com",
             "phone_number": "(312) 555-0142", "budget": "$500k", "utm_source": "zapier", "Favorite color": "green"}
            """;

    @Inject
    SourceDirectory sources;

    @Inject
    WebhookSecrets secrets;

    @Inject
    PlatformLeads platformLeads;

    @Inject
    IntakeConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a lead as generic JSON (Zapier, Typeform, a CRM), read with the source's field mapping",
            description = "Authorization: Bearer <source key>, or Typeform-Signature (sha256=<base64 HMAC-SHA256 of the "
                    + "raw body>) where the source has a webhook secret. 200 {leadId} once Kafka has the lead; a "
                    + "redelivery (same sender id or Idempotency-Key) answers the same and publishes nothing.")
    public Map<String, Object> receive(@PathParam("sourceId") String sourceId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(TypeformSignature.HEADER) String signature,
            @HeaderParam(LeadAdmission.IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "Typeform form_response (signed)", value = TYPEFORM_EXAMPLE),
                    @ExampleObject(name = "flat JSON (Zapier, a CRM; bearer key)", value = FLAT_EXAMPLE) })) byte[] body)
            throws IOException {
        Instant now = clock.instant();
        SourceSettings source = sources.byId(sourceId).orElseThrow(UnauthorizedSourceException::new);
        if (source.webhookSigned()) {
            String secret = secrets.of(sourceId).orElseThrow(UnauthorizedSourceException::new);
            if (!TypeformSignature.matches(signature, secret, body)) {
                throw new UnauthorizedSourceException();
            }
        } else if (!BearerTokens.from(authorization).filter(key -> sources.isKeyOf(sourceId, key, now)).isPresent()) {
            throw new UnauthorizedSourceException();
        }
        JsonNode root = json.readTree(body);
        if (root == null || !root.isObject()) {
            throw new InvalidLeadException(List.of(new FieldError("body", "must be a JSON object")));
        }
        JsonLeadReader.JsonLead lead = JsonLeadReader.read(root, source.fieldMapping(), source.consentText());
        if (source.webhookSigned()) {
            requireRecent(lead.submittedAt(), now);
        }
        String key = idempotencyKey != null ? idempotencyKey : platformKey(lead.externalId());
        LeadAdmission.Admitted admitted = platformLeads.admit(source, now, key, lead.request(), lead.fieldNames(), "body");
        return Map.of("leadId", admitted.leadId());
    }

    private static String platformKey(String externalId) {
        if (externalId == null) {
            return null;
        }
        if (externalId.isBlank() || externalId.length() > EXTERNAL_ID_MAX) {
            throw new InvalidLeadException(List.of(new FieldError("externalId", "size must be between 1 and " + EXTERNAL_ID_MAX)));
        }
        return "json:" + externalId;
    }

    /** A signed delivery must say when it was submitted, within the window in which a replay is recognised. */
    private void requireRecent(String submittedAt, Instant now) {
        Duration window = config.idempotencyLifetime();
        Instant at;
        try {
            at = submittedAt == null ? null : OffsetDateTime.parse(submittedAt).toInstant();
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            throw new InvalidLeadException(List.of(new FieldError("submittedAt",
                    "a signed delivery needs its submission time (ISO 8601 with offset)")));
        }
        if (at.isBefore(now.minus(window)) || at.isAfter(now.plus(FUTURE_SKEW))) {
            throw new InvalidLeadException(List.of(new FieldError("submittedAt",
                    "is outside the replay window (the last " + window.toHours() + " h)")));
        }
    }
}
