package io.leadflow.cadence.problem;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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
}
