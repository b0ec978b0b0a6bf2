package io.leadflow.notifier.inbound;

import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.ProviderStatusCallbacks;

/**
 * Twilio's inbound-message webhook. Every request must carry a valid {@code X-Twilio-Signature}
 * computed over the configured public URL (not the Host header) plus path and query: 403 otherwise.
 */
@Path("/webhooks/twilio")
public class TwilioWebhookResource {

    private static final Logger LOG = Logger.getLogger(TwilioWebhookResource.class);
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final InboundSmsService inbound;
    private final ProviderStatusCallbacks statusCallbacks;
    private final NotifierConfig config;

    public TwilioWebhookResource(InboundSmsService inbound, ProviderStatusCallbacks statusCallbacks,
            NotifierConfig config) {
        this.inbound = inbound;
        this.statusCallbacks = statusCallbacks;
        this.config = config;
    }

    @POST
    @Path("/sms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response sms(@HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri,
            MultivaluedMap<String, String> form) {
        if (!signedByOurAccount(publicUrl(config.publicBaseUrl(), uri), form, signature)) {
            LOG.warn("inbound SMS webhook: bad or missing X-Twilio-Signature");
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        String from = form.getFirst("From");
        if (from == null || from.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        inbound.receive(from, form.getFirst("To"), form.getFirst("Body"));
        return Response.ok(EMPTY_TWIML).build();
    }

    /**
     * The status of a text we sent, at the {@code StatusCallback} URL given with it (which names
     * the touch). Signed over that URL, so over the status callback base URL when one is set.
     */
    @POST
    @Path("/status/{touchId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri,
            @PathParam("touchId") String touchId, MultivaluedMap<String, String> form) {
        String base = config.sms().statusCallbackBaseUrl().filter(url -> !url.isBlank()).orElse(config.publicBaseUrl());
        if (!signedByOurAccount(publicUrl(base, uri), form, signature)) {
            LOG.warn("SMS status callback: bad or missing X-Twilio-Signature");
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        Optional<UUID> touch = parseUuid(touchId);
        if (touch.isEmpty() || statusCallbacks.apply(touch.get(), form.getFirst("MessageStatus"),
                form.getFirst("ErrorCode")) == ProviderStatusCallbacks.Applied.UNKNOWN_TOUCH) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.noContent().build();
    }

    /** Signed with the auth token of the primary SMS account, or of the secondary one texts fail over to. */
    private boolean signedByOurAccount(String url, MultivaluedMap<String, String> form, String signature) {
        return TwilioSignature.verify(config.sms().authToken(), url, form, signature) || config.sms().secondary()
                .map(account -> TwilioSignature.verify(account.authToken(), url, form, signature)).orElse(false);
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String publicUrl(String publicBaseUrl, UriInfo uri) {
        String base = publicBaseUrl.replaceAll("/+$", "");
        String query = uri.getRequestUri().getRawQuery();
        return base + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }
}
