package io.leadflow.intake.source;

import java.time.Clock;

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

    @Inject
    SourceDirectory sources;

    @Inject
    Clock clock;

    @Inject
    AuthenticatedSource authenticatedSource;

    @Override
    public void filter(ContainerRequestContext request) {
        SourceSettings source = BearerTokens.from(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(key -> sources.authenticate(key, clock.instant()))
                .orElseThrow(UnauthorizedSourceException::new);
        authenticatedSource.set(source);
    }
}
