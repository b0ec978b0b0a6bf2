package io.leadflow.notifier.unsubscribe;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.Channel;
import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.activity.ActivityPublisher;
import io.leadflow.notifier.optout.OptOutRepository;

/**
 * One-click unsubscribe (RFC 8058). A POST (the mailbox's one-click, or the page's button) acts; a
 * GET only shows a page with the button, because mail scanners follow links.
 */
@Path(UnsubscribeLinks.PATH + "{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    private static final Logger LOG = Logger.getLogger(UnsubscribeResource.class);

    private final UnsubscribeLinks links;
    private final OptOutRepository optOuts;
    private final ActivityPublisher activities;
    private final NotifierConfig config;
    private final Clock clock;

    public UnsubscribeResource(UnsubscribeLinks links, OptOutRepository optOuts, ActivityPublisher activities,
            NotifierConfig config, Clock clock) {
        this.links = links;
        this.optOuts = optOuts;
        this.activities = activities;
        this.config = config;
        this.clock = clock;
    }

    @GET
    public Response confirmationPage(@PathParam("token") String token) {
        if (links.verify(token).isEmpty()) {
            return invalid();
        }
        return ok("""
                <p>Stop receiving emails from %s?</p>
                <form method="post"><button type="submit">Unsubscribe</button></form>""".formatted(business()));
    }

    @POST
    public Response unsubscribe(@PathParam("token") String token) {
        Optional<UnsubscribeTokens.Claims> claims = links.verify(token);
        if (claims.isEmpty()) {
            return invalid();
        }
        boolean added = optOuts.suppress("email", claims.get().addressHash(), "list_unsubscribe", "lead",
                clock.instant());
        if (added) {
            activities.publish(claims.get().leadId(), ActivityKind.OPT_OUT, Channel.EMAIL, "lead",
                    Map.of("via", "list_unsubscribe"));
        }
        LOG.infof("lead %s: email unsubscribe (%s)", claims.get().leadId(), added ? "suppressed" : "already suppressed");
        return ok("<p>You are unsubscribed: %s will send you no more emails.</p>".formatted(business()));
    }

    private Response invalid() {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(html("<p>This unsubscribe link is not valid or has expired. Reply to any of our emails and we"
                        + " will take you off our list.</p>"))
                .build();
    }

    private Response ok(String body) {
        return Response.ok(html(body)).build();
    }

    private String html(String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Unsubscribe</title></head><body>"
                + body + "</body></html>";
    }

    private String business() {
        return config.businessName().replace("&", "&amp;").replace("<", "&lt;");
    }
}
