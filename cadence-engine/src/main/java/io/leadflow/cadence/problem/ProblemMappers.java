package io.leadflow.cadence.problem;

import java.util.List;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** The one place where errors become problem+json; no class names or stack traces leak. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problem.of("unauthorized", "Unauthorized", Response.Status.UNAUTHORIZED, e.getMessage())
                .toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of("forbidden", "Forbidden", Response.Status.FORBIDDEN, e.getMessage()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response leadPending(LeadPendingException e) {
        return Problem.of("lead-pending", "Lead not available yet", Response.Status.NOT_FOUND, e.getMessage())
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, "1")
                .build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return Problem.invalid(e.invalidParams()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of("not-found", "Not found", Response.Status.NOT_FOUND, "No such resource")
                .toResponse().build();
    }

    /** A JSON body whose field has the wrong type or format, e.g. {@code "weight": "three"}: named, like any bad field. */
    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return Problem.invalid(List.of(new Problem.InvalidParam(field.isEmpty() ? "body" : field.toString(),
                "has the wrong type or format"))).toResponse().build();
    }
}
