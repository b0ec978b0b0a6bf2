package io.leadflow.notifier.inbound;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import io.leadflow.notifier.NotifierConfig;

/**
 * Twilio's inbound-message webhook. Every request must carry a valid {@code X-Twilio-Signature}
 * computed over the configured public URL (not the Host header) plus path and query: 403 otherwise.
 */
@Path("/webhooks/twilio")
public class TwilioWebhookResource {

    private static final Logger LOG = Logger.getLogger(TwilioWebhookResource.class);
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final InboundSmsService inbound;
    private final NotifierConfig config;

    public TwilioWebhookResource(InboundSmsService inbound, NotifierConfig config) {
        this.inbound = inbound;
        this.config = config;
    }

    @POST
    @Path("/sms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response sms(@HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri,
            MultivaluedMap<String, String> form) {
        if (!TwilioSignature.verify(config.sms().authToken(), publicUrl(uri), form, signature)) {
            LOG.warn("inbound SMS webhook: bad or missing X-Twilio-Signature");
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        String from = form.getFirst("From");
        if (from == null || from.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        inbound.receive(from, form.getFirst("Body"));
        return Response.ok(EMPTY_TWIML).build();
    }

    private String publicUrl(UriInfo uri) {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        String query = uri.getRequestUri().getRawQuery();
        return base + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }
}
