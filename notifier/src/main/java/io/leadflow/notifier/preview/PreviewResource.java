package io.leadflow.notifier.preview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Route;
import io.leadflow.notifier.delivery.TouchSender;
import io.leadflow.notifier.sms.SmsSegments;
import io.leadflow.notifier.template.TemplateMissingException;

/**
 * {@code POST /api/preview}: renders a due touch (the {@code touch.due} JSON, lead and rep
 * snapshots included) exactly as it would go out, and sends nothing. Bearer token
 * {@code leadflow.notifier.api-token}.
 */
@Path("/api/preview")
public class PreviewResource {

    private final TouchSender sender;
    private final NotifierConfig config;

    public PreviewResource(TouchSender sender, NotifierConfig config) {
        this.sender = sender;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, "application/problem+json" })
    public Response preview(@HeaderParam("Authorization") String authorization, TouchDue touch) {
        if (!authorized(authorization)) {
            return problem(401, "Unauthorized", "A valid bearer token is required", null);
        }
        if (touch == null || touch.channel() == null || touch.template() == null) {
            return problem(400, "Invalid touch", "channel and template are required",
                    touch == null || touch.channel() == null ? "channel" : "template");
        }
        Optional<Route> route = Route.of(touch);
        if (route.isEmpty()) {
            return problem(422, "No address", "The recipient has no address for this channel", "lead");
        }
        TouchSender.Prepared prepared;
        try {
            prepared = sender.prepare(touch, route.get());
        } catch (TemplateMissingException e) {
            return problem(404, "No such template", e.getMessage(), "template");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transport", route.get().transport().dbValue());
        body.put("recipient", route.get().recipient().name().toLowerCase(java.util.Locale.ROOT));
        if (prepared.sms() != null) {
            body.put("sms", prepared.sms());
            body.put("segments", SmsSegments.count(prepared.sms()));
            body.put("gsm7", SmsSegments.isGsm7(prepared.sms()));
        } else {
            body.put("subject", prepared.email().subject());
            body.put("text", prepared.email().text());
            body.put("html", prepared.email().html());
        }
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, config.apiToken().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 9457 problem details, naming the field at fault when there is one. */
    private static Response problem(int status, String title, String detail, String field) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null) {
            problem.put("field", field);
        }
        return Response.status(status).type("application/problem+json").entity(problem).build();
    }
}
