package io.leadflow.cadence.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail. {@code type} is {@code urn:leadflow:problem:<slug>}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, Response.Status status, String detail) {
        return new Problem("urn:leadflow:problem:" + slug, title, status.getStatusCode(), detail);
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
