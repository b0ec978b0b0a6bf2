package io.leadflow.notifier.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.leadflow.notifier.NotifierConfig;

/** What the notifier's ops APIs share: the bearer token check and RFC 9457 problem answers. */
@ApplicationScoped
public class ApiRequests {

    private final byte[] token;

    public ApiRequests(NotifierConfig config) {
        this.token = config.apiToken().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code Authorization: Bearer <leadflow.notifier.api-token>}, compared in constant time. */
    public boolean authorized(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8), token);
    }

    public static Response unauthorized() {
        return problem(401, "Unauthorized", "A valid bearer token is required", null);
    }

    /** RFC 9457 problem details, naming the field at fault when there is one. */
    public static Response problem(int status, String title, String detail, String field) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null) {
            problem.put("field", field);
        }
        return Response.status(status).type("application/problem+json").entity(problem).build();
    }
}
