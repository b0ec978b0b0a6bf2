package io.leadflow.intake.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.leadflow.intake.admin.AdminTokenRequired;
import io.leadflow.intake.admin.AdminUnauthorizedException;
import io.leadflow.intake.lead.BrokerUnavailableException;
import io.leadflow.intake.lead.IdempotencyConflictException;
import io.leadflow.intake.lead.LeadAdmission;
import io.leadflow.intake.lead.InvalidLeadException;
import io.leadflow.intake.lead.LeadMetrics;
import io.leadflow.intake.ratelimit.RateLimitedException;
import io.leadflow.intake.source.AuthenticatedSource;
import io.leadflow.intake.source.UnauthorizedSourceException;
import io.leadflow.intake.webhook.LeadSourceUnavailableException;
import io.quarkus.logging.Log;

/**
 * The one place where failures become RFC 9457 problems. Details are written here, never copied from an
 * exception, so no class name, stack trace or submitted value (a phone, an email) reaches a client.
 */
public class ProblemMappers {

    /** Problems that reject a lead; the rest (404, 405…) are not about leads and are not counted. */
    private static final Set<ProblemType> REJECTIONS = Set.of(ProblemType.INVALID_LEAD, ProblemType.MALFORMED_JSON,
            ProblemType.UNAUTHORIZED, ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.PAYLOAD_TOO_LARGE,
            ProblemType.BROKER_UNAVAILABLE, ProblemType.IDEMPOTENCY_CONFLICT, ProblemType.RATE_LIMITED);

    @Inject
    LeadMetrics metrics;

    @Inject
    AuthenticatedSource source;

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        Set<ConstraintViolation<?>> violations = e.getConstraintViolations();
        if (violations.stream().anyMatch(ProblemMappers::isReturnValue)) {
            Log.error("A response broke its own constraints", e);
            return problem(ProblemType.INTERNAL_ERROR, "Something went wrong on our side.", List.of());
        }
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(jsonPath(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        ProblemType type = violations.stream().anyMatch(ProblemMappers::isAdminRequest)
                ? ProblemType.INVALID_REQUEST : ProblemType.INVALID_LEAD;
        return problem(type, "One or more fields are invalid; see errors.", errors);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return problem(ProblemType.INVALID_REQUEST, "One or more fields are invalid; see errors.", e.errors());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(ProblemType.NOT_FOUND, e.getMessage() + ".", List.of());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return problem(ProblemType.CONFLICT, e.getMessage() + ".", List.of(e.error()));
    }

    @ServerExceptionMapper
    public Response adminUnauthorized(AdminUnauthorizedException e) {
        return withHeader(problem(ProblemType.ADMIN_UNAUTHORIZED,
                "Send the admin token as Authorization: Bearer <token>.", List.of()), HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException e) {
        return problem(ProblemType.IDEMPOTENCY_CONFLICT,
                "This Idempotency-Key was first used with another lead; use a new key for a new lead.",
                List.of(new FieldError(LeadAdmission.IDEMPOTENCY_KEY, "was used with a different body")));
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return withHeader(problem(ProblemType.RATE_LIMITED,
                "The source's limit " + e.rule() + " is reached; retry after the time in Retry-After.",
                List.of(new FieldError("limits." + e.rule(), "reached"))),
                HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }

    @ServerExceptionMapper
    public Response invalidLead(InvalidLeadException e) {
        return problem(ProblemType.INVALID_LEAD, "One or more fields are invalid; see errors.", e.errors());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformed(e);
    }

    /** A body a resource parsed itself: webhooks read raw bytes for their signatures. */
    @ServerExceptionMapper
    public Response unreadableJson(JacksonException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JacksonException json) {
            return malformed(json);
        }
        if (e instanceof NotSupportedException) {
            return problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the lead as application/json.", List.of());
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder response = problemBuilder(type, status, type.title() + ".", List.of());
        if (e.getResponse() != null && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedSourceException e) {
        return withHeader(problem(ProblemType.UNAUTHORIZED,
                "Send the source key as Authorization: Bearer <key>.", List.of()), HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        return withHeader(problem(ProblemType.BROKER_UNAVAILABLE,
                "The lead was not accepted because the event log did not confirm it in time.", List.of()),
                HttpHeaders.RETRY_AFTER, "5");
    }

    @ServerExceptionMapper
    public Response leadSourceUnavailable(LeadSourceUnavailableException e) {
        Log.warnf("Lead platform unavailable: %s", e.getMessage());
        return withHeader(problem(ProblemType.LEAD_SOURCE_UNAVAILABLE,
                "A lead named in the notification could not be read from the platform.", List.of()),
                HttpHeaders.RETRY_AFTER, "60");
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Log.error("Unexpected failure while handling a request", e);
        return problem(ProblemType.INTERNAL_ERROR, "Something went wrong on our side.", List.of());
    }

    private Response malformed(JacksonException e) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        List<FieldError> errors = field.isEmpty() ? List.of() : List.of(new FieldError(field, "has the wrong type"));
        return problem(ProblemType.MALFORMED_JSON, "The body must be a JSON object in the lead format.", errors);
    }

    private static Response withHeader(Response response, String name, String value) {
        return Response.fromResponse(response).header(name, value).build();
    }

    private Response problem(ProblemType type, String detail, List<FieldError> errors) {
        return problemBuilder(type, type.status(), detail, errors).build();
    }

    private Response.ResponseBuilder problemBuilder(ProblemType type, int status, String detail,
            List<FieldError> errors) {
        if (REJECTIONS.contains(type)) {
            metrics.rejected(source.sourceId().orElse(null), type.slug());
        }
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), status, detail, errors));
    }

    /** Admin resources validate requests that are not leads. */
    private static boolean isAdminRequest(ConstraintViolation<?> violation) {
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            if (type.isAnnotationPresent(AdminTokenRequired.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code createLead.lead.interest.budget} → {@code interest.budget}; map entries as {@code utm[key]}. */
    public static String jsonPath(Path path) {
        StringBuilder json = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable()) {
                Object position = node.getKey() != null ? node.getKey() : node.getIndex();
                if (position != null) {
                    json.append('[').append(position).append(']');
                }
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(name);
            }
        }
        return json.isEmpty() ? "body" : json.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder json = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                json.append('[').append(reference.getIndex()).append(']');
            }
        }
        return json.toString();
    }
}
