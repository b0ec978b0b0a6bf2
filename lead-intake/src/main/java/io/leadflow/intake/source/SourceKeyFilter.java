package io.leadflow.intake.source;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Authenticates {@code Authorization: Bearer <source key>} before the body is read or validated, so an
 * unknown caller learns nothing about what a valid lead looks like.
 */
@Provider
@SourceKeyRequired
@Priority(Priorities.AUTHENTICATION)
public class SourceKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    @Inject
    SourceKeys sourceKeys;

    @Inject
    AuthenticatedSource authenticatedSource;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedSourceException();
        }
        String key = header.substring(BEARER.length()).trim();
        String sourceId = sourceKeys.authenticate(key).orElseThrow(UnauthorizedSourceException::new);
        authenticatedSource.set(sourceId);
    }
}
