package io.leadflow.cadence.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail. {@code type} is {@code urn:leadflow:problem:<slug>}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, Response.Status status, String detail) {
        return new Problem("urn:leadflow:problem:" + slug, title, status.getStatusCode(), detail, null);
    }

    public static Problem invalid(List<InvalidParam> invalidParams) {
        return new Problem("urn:leadflow:problem:invalid-request", "Invalid request", Response.Status.BAD_REQUEST.getStatusCode(),
                invalidParams.size() + " field(s) are not valid", invalidParams);
    }

    /** @param name the field, as named in the request body or path */
    public record InvalidParam(String name, String reason) {
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
