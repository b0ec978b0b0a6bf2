package io.leadflow.cadence.timeline;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.leadflow.cadence.auth.BearerTokenAuthenticator;
import io.leadflow.cadence.auth.Caller;
import io.leadflow.cadence.problem.LeadPendingException;
import io.smallrye.common.annotation.Blocking;

@Path("/api/leads/{leadId}/timeline")
public class TimelineResource {

    private static final int PERMANENT_REDIRECT = 308;

    private final BearerTokenAuthenticator authenticator;
    private final TimelineService timelines;

    TimelineResource(BearerTokenAuthenticator authenticator, TimelineService timelines) {
        this.authenticator = authenticator;
        this.timelines = timelines;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public LeadTimeline timeline(@PathParam("leadId") UUID leadId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = authenticator.authenticate(authorization);
        timelines.mergedInto(leadId, caller).ifPresent(survivor -> {
            throw new RedirectionException(PERMANENT_REDIRECT, URI.create("/api/leads/" + survivor + "/timeline"));
        });
        return timelines.timeline(leadId, caller).orElseThrow(() -> new LeadPendingException(leadId));
    }
}
