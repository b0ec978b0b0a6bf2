package io.leadflow.intake.form;

import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import io.leadflow.intake.lead.ClientAddress;
import io.leadflow.intake.lead.IdempotencyConflictException;
import io.leadflow.intake.lead.LeadAdmission;
import io.leadflow.intake.lead.LeadFingerprints;
import io.leadflow.intake.lead.LeadMetrics;
import io.leadflow.intake.lead.LeadRequest;
import io.leadflow.intake.lead.LeadValidation;
import io.leadflow.intake.lead.Submission;
import io.leadflow.intake.problem.NotFoundException;
import io.leadflow.intake.source.AuthenticatedSource;
import io.leadflow.intake.source.SourceDirectory;
import io.leadflow.intake.source.SourceSettings;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;

/**
 * HTML forms: {@code POST /f/{formKey}} from a site's own page (urlencoded or multipart). The form key is public;
 * what keeps bots out is the honeypot and the signed render-time token. A rejected post gets the answer a
 * person gets, so a bot learns nothing; we count it and log it with the request id.
 */
@Path("/f/{formKey}")
@Tag(name = "forms")
public class FormResource {

    static final String REQUEST_ID = "X-Request-Id";

    @Inject
    SourceDirectory sources;

    @Inject
    AuthenticatedSource current;

    @Inject
    FormTokens tokens;

    @Inject
    FormPages pages;

    @Inject
    LeadAdmission admission;

    @Inject
    LeadFingerprints fingerprints;

    @Inject
    LeadMetrics metrics;

    @Inject
    LeadValidation validation;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Post an HTML lead form", description = "303 to the source's thank-you page (202 JSON with Accept: application/json).")
    public Response submitUrlEncoded(@PathParam("formKey") String formKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, examples = @ExampleObject(
                    name = "community inquiry", value = "firstName=Maria&lastName=Lopez&email=maria%40example.com"
                            + "&phone=%28415%29+555-0123&community=Oak+Ridge&timeline=3-6+months&smsConsent=yes"
                            + "&token=<render token>&company_website="))) MultivaluedMap<String, String> fields,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam("Origin") String origin,
            @Context HttpServerRequest http) {
        return submit(formKey, fields, accept, origin, http);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Post an HTML lead form as multipart/form-data", description = "As the urlencoded post; files are ignored.")
    public Response submitMultipart(@PathParam("formKey") String formKey, MultipartFormDataInput input,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam("Origin") String origin,
            @Context HttpServerRequest http) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        input.getValues().forEach((name, values) -> fields.put(name, textOf(values)));
        return submit(formKey, fields, accept, origin, http);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The source's sample form page, with the snippet to embed it")
    public Response page(@PathParam("formKey") String formKey) {
        return noStore(Response.ok(pages.page(source(formKey)))).build();
    }

    @GET
    @Path("snippet")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The form alone, to paste into a page; it fetches its render-time token on load")
    public Response snippet(@PathParam("formKey") String formKey, @HeaderParam("Origin") String origin) {
        SourceSettings source = source(formKey);
        return Cors.allow(Response.ok(pages.snippet(source)), source, origin).build();
    }

    @GET
    @Path("token")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A fresh render-time token for the form")
    public Response token(@PathParam("formKey") String formKey, @HeaderParam("Origin") String origin) {
        SourceSettings source = source(formKey);
        return noStore(Cors.allow(Response.ok(Map.of("token", tokens.issue(source.formKey()))), source, origin)).build();
    }

    @GET
    @Path("thanks")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The built-in thank-you page")
    public String thanks(@PathParam("formKey") String formKey) {
        return pages.thanks(source(formKey));
    }

    @OPTIONS
    @Operation(summary = "CORS preflight for a JavaScript post from one of the source's allowed origins")
    public Response preflight(@PathParam("formKey") String formKey, @HeaderParam("Origin") String origin) {
        return Cors.preflight(source(formKey), origin);
    }

    private Response submit(String formKey, Map<String, List<String>> fields, String accept, String origin,
            HttpServerRequest http) {
        SourceSettings source = source(formKey);
        current.set(source);
        String requestId = UUID.randomUUID().toString();
        FormFields form = new FormFields(fields);
        Optional<FormRejection> rejection = form.honeypotFilled() ? Optional.of(FormRejection.HONEYPOT)
                : tokens.check(form.get(FormFields.TOKEN), source);
        if (rejection.isEmpty()) {
            LeadRequest lead = form.toLead(source);
            validation.validate(lead, FormFields::formNameOf);
            Submission submission = new Submission(source, clock.instant(), "form:" + form.get(FormFields.TOKEN),
                    fingerprints.of(lead), ClientAddress.of(http));
            try {
                LeadAdmission.Admitted admitted = admission.admit(lead, submission);
                Log.infof("Form lead %s accepted for source %s, request %s", admitted.leadId(), source.id(), requestId);
            } catch (IdempotencyConflictException e) {
                rejection = Optional.of(FormRejection.TOKEN_REUSED);
            }
        }
        rejection.ifPresent(reason -> {
            metrics.rejected(source.id(), reason.reason());
            Log.infof("Form post for source %s rejected as a bot (%s), request %s", source.id(), reason.reason(), requestId);
        });
        return Cors.allow(received(source, accept), source, origin).header(REQUEST_ID, requestId).build();
    }

    private Response.ResponseBuilder received(SourceSettings source, String accept) {
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.accepted(Map.of("received", true)).type(MediaType.APPLICATION_JSON);
        }
        String thanks = source.thankYouUrl() != null ? source.thankYouUrl() : "/f/" + source.formKey() + "/thanks";
        return Response.seeOther(URI.create(thanks));
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private SourceSettings source(String formKey) {
        return sources.byFormKey(formKey).orElseThrow(() -> new NotFoundException("no such form"));
    }

    private static List<String> textOf(Collection<FormValue> values) {
        return values.stream().filter(value -> !value.isFileItem()).map(FormValue::getValue).toList();
    }
}
