package io.leadflow.cadence.opsboard;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.leadflow.cadence.auth.BearerTokenAuthenticator;
import io.leadflow.cadence.auth.Caller;
import io.leadflow.cadence.problem.ForbiddenException;
import io.smallrye.common.annotation.Blocking;

/**
 * The ops board's figures for ops and managers; the page at {@code /ops/} polls it. {@code ?source=}
 * narrows speed to first touch to one source, as the {@code source} tag narrows its histogram.
 */
@Path("/api/ops/board")
public class OpsBoardResource {

    private final BearerTokenAuthenticator authenticator;
    private final OpsBoardQueries queries;
    private final KafkaBacklog kafka;
    private final Clock clock;

    OpsBoardResource(BearerTokenAuthenticator authenticator, OpsBoardQueries queries, KafkaBacklog kafka, Clock clock) {
        this.authenticator = authenticator;
        this.queries = queries;
        this.kafka = kafka;
        this.clock = clock;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public OpsBoard board(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("source") String source) {
        Caller caller = authenticator.authenticate(authorization);
        if (!caller.role().seesAllLeads()) {
            throw new ForbiddenException("The ops board is for ops and managers");
        }
        Instant now = clock.instant();
        return new OpsBoard(now, queries.leadsReceived(), queries.leadsPerMinute(now), queries.speedToFirstTouch(now, Optional.ofNullable(source).filter(s -> !s.isBlank())),
                queries.touchesLastHour(now), queries.scheduler(now), kafka.read(), queries.reps(now));
    }
}
