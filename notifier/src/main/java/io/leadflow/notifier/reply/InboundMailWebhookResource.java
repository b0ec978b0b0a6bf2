package io.leadflow.notifier.reply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.api.ApiRequests;
import io.leadflow.notifier.signing.HmacSha256;

/**
 * Email replies posted by an inbound-mail service: {@code {"messageId", "to": [...], "text"}}, signed
 * with {@code X-Leadflow-Signature: sha256=<hex HMAC-SHA256 of the raw body>} under
 * {@code leadflow.notifier.inbound-email.webhook-secret}. 403 for a missing or wrong signature;
 * 400 (problem+json naming the field) for a body that is not such an email; 204 otherwise, whether
 * the email was a reply or was ignored.
 */
@Path("/webhooks/email/inbound")
public class InboundMailWebhookResource {

    private static final Logger LOG = Logger.getLogger(InboundMailWebhookResource.class);
    static final String SIGNATURE_HEADER = "X-Leadflow-Signature";
    static final String SCHEME = "sha256=";

    private final EmailReplies replies;
    private final HmacSha256 mac;
    private final ObjectMapper json;

    public InboundMailWebhookResource(EmailReplies replies, NotifierConfig config, ObjectMapper json) {
        this.replies = replies;
        this.mac = new HmacSha256(config.inboundEmail().webhookSecret());
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(SIGNATURE_HEADER) String signature, byte[] posted) {
        byte[] body = posted == null ? new byte[0] : posted;
        if (!signedByUs(signature, body)) {
            LOG.warn("inbound-mail webhook: bad or missing " + SIGNATURE_HEADER);
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        JsonNode email;
        try {
            email = json.readTree(body);
        } catch (JsonProcessingException e) {
            return ApiRequests.problem(400, "Bad Request", "The body is not JSON", null);
        } catch (IOException e) {
            return ApiRequests.problem(400, "Bad Request", "The body could not be read", null);
        }
        if (email == null || !email.isObject()) {
            return ApiRequests.problem(400, "Bad Request", "The body must be a JSON object", null);
        }
        if (!email.path("messageId").isTextual() || email.path("messageId").asText().isBlank()) {
            return ApiRequests.problem(400, "Bad Request", "messageId is required: the email's Message-ID", "messageId");
        }
        JsonNode to = email.path("to");
        if (!to.isArray() || to.isEmpty() || !allText(to)) {
            return ApiRequests.problem(400, "Bad Request", "to must be a non-empty array of addresses", "to");
        }
        if (!email.path("text").isTextual()) {
            return ApiRequests.problem(400, "Bad Request", "text is required: the email's plain text", "text");
        }
        List<String> recipients = new ArrayList<>();
        to.forEach(address -> recipients.add(address.asText()));
        replies.receive(new InboundEmail(email.get("messageId").asText(), recipients, email.get("text").asText()));
        return Response.noContent().build();
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private boolean signedByUs(String signature, byte[] body) {
        if (signature == null || !signature.startsWith(SCHEME)) {
            return false;
        }
        try {
            return mac.matches(body, HexFormat.of().parseHex(signature.substring(SCHEME.length()).strip()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }
}
