package io.leadflow.intake.form;

import jakarta.ws.rs.core.Response;

import io.leadflow.intake.source.SourceSettings;

/** CORS for the source's allowed origins only: the answer names the origin, never {@code *}. */
final class Cors {

    private Cors() {
    }

    static Response.ResponseBuilder allow(Response.ResponseBuilder response, SourceSettings source, String origin) {
        if (source.allowsOrigin(origin)) {
            response.header("Access-Control-Allow-Origin", origin);
        }
        return response.header("Vary", "Origin");
    }

    static Response preflight(SourceSettings source, String origin) {
        Response.ResponseBuilder response = allow(Response.noContent(), source, origin);
        if (source.allowsOrigin(origin)) {
            response.header("Access-Control-Allow-Methods", "GET, POST")
                    .header("Access-Control-Allow-Headers", "Content-Type, Accept")
                    .header("Access-Control-Max-Age", "600");
        }
        return response.build();
    }
}
