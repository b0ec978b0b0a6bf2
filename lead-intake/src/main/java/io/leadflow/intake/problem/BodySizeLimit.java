package io.leadflow.intake.problem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.intake.config.IntakeConfig;
import io.leadflow.intake.lead.LeadMetrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Refuses a body announced larger than {@code leadflow.intake.max-body-bytes} with a 413 problem before a byte of
 * it is read. Quarkus' own {@code quarkus.http.limits.max-body-size} stays as the hard cap (it answers a bare 413,
 * and also bounds chunked bodies, which announce no length).
 */
@ApplicationScoped
public class BodySizeLimit {

    @Inject
    IntakeConfig config;

    @Inject
    LeadMetrics metrics;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, config.maxBodyBytes())) {
                metrics.rejected(null, ProblemType.PAYLOAD_TOO_LARGE.slug());
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body());
            } else {
                context.next();
            }
        });
    }

    private static boolean isOver(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }

    private String body() {
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        try {
            return json.writeValueAsString(new Problem(type.uri(), type.title(), type.status(),
                    "A lead is at most " + config.maxBodyBytes() + " bytes.",
                    List.of(new FieldError("body", "is larger than " + config.maxBodyBytes() + " bytes"))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
    }
}
