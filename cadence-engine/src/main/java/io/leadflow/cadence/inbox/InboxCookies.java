package io.leadflow.cadence.inbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

import io.leadflow.cadence.EngineConfig;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it, which with the forms' CSRF token keeps cross-site POSTs out), Secure when the engine is
 * reached over HTTPS, and scoped to the inbox's paths.
 */
@ApplicationScoped
public class InboxCookies {

    static final String NAME = "leadflow_inbox";
    private static final String PATH = "/inbox";

    private final boolean publicUrlIsHttps;

    InboxCookies(EngineConfig config) {
        this.publicUrlIsHttps = config.publicUrl().startsWith("https:");
    }

    /** A {@code Set-Cookie} value opening the session. */
    String open(String token, Duration ttl, UriInfo request) {
        return NAME + "=" + token + "; Path=" + PATH + "; Max-Age=" + ttl.toSeconds() + attributes(request);
    }

    /** A {@code Set-Cookie} value that makes the browser forget the session. */
    String clear(UriInfo request) {
        return NAME + "=; Path=" + PATH + "; Max-Age=0" + attributes(request);
    }

    private String attributes(UriInfo request) {
        boolean https = publicUrlIsHttps || "https".equalsIgnoreCase(request.getRequestUri().getScheme());
        return "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }
}
