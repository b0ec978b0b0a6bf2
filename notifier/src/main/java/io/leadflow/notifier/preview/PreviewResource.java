package io.leadflow.notifier.preview;

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
import io.leadflow.notifier.api.ApiRequests;
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
    private final ApiRequests api;

    public PreviewResource(TouchSender sender, ApiRequests api) {
        this.sender = sender;
        this.api = api;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, "application/problem+json" })
    public Response preview(@HeaderParam("Authorization") String authorization, TouchDue touch) {
        if (!api.authorized(authorization)) {
            return ApiRequests.unauthorized();
        }
        if (touch == null || touch.channel() == null || touch.template() == null) {
            return ApiRequests.problem(400, "Invalid touch", "channel and template are required",
                    touch == null || touch.channel() == null ? "channel" : "template");
        }
        Optional<Route> route = Route.of(touch);
        if (route.isEmpty()) {
            return ApiRequests.problem(422, "No address", "The recipient has no address for this channel", "lead");
        }
        TouchSender.Prepared prepared;
        try {
            prepared = sender.preview(touch, route.get());
        } catch (TemplateMissingException e) {
            return ApiRequests.problem(404, "No such template", e.getMessage(), "template");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transport", route.get().transport().dbValue());
        body.put("recipient", route.get().recipient().name().toLowerCase(java.util.Locale.ROOT));
        if (prepared.sms() != null) {
            body.put("sms", prepared.sms().body());
            body.put("from", prepared.sms().fromNumber());
            body.put("segments", prepared.sms().segments());
            body.put("gsm7", SmsSegments.isGsm7(prepared.sms().body()));
        } else {
            body.put("subject", prepared.email().subject());
            body.put("text", prepared.email().text());
            body.put("html", prepared.email().html());
        }
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
