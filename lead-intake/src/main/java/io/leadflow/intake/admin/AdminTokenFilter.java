package io.leadflow.intake.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import io.leadflow.intake.source.BearerTokens;

/** Lets only the holder of the admin token use the admin API; without a configured token, nobody. */
@Provider
@AdminTokenRequired
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

    @Inject
    AdminToken adminToken;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean valid = BearerTokens.from(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .filter(adminToken::matches)
                .isPresent();
        if (!valid) {
            throw new AdminUnauthorizedException();
        }
    }
}
