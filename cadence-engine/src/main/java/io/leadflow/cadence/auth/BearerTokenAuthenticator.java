package io.leadflow.cadence.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.leadflow.cadence.problem.ForbiddenException;
import io.leadflow.cadence.problem.UnauthorizedException;

@ApplicationScoped
public class BearerTokenAuthenticator {

    private static final String BEARER = "Bearer ";

    @Transactional
    public Caller authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedException("A bearer token is required");
        }
        String plainToken = authorizationHeader.substring(BEARER.length()).trim();
        return ApiToken.findByPlainToken(plainToken)
                .map(token -> new Caller(token.role, token.repId))
                .orElseThrow(() -> new UnauthorizedException("The bearer token is not valid"));
    }

    /** A caller who may change team-wide settings: a manager or ops. */
    @Transactional
    public Caller authenticateManager(String authorizationHeader) {
        Caller caller = authenticate(authorizationHeader);
        if (!caller.role().seesAllLeads()) {
            throw new ForbiddenException("Managers and ops only");
        }
        return caller;
    }

    /** A caller who may change what spans teams (the teams themselves): ops only. */
    @Transactional
    public Caller authenticateOps(String authorizationHeader) {
        Caller caller = authenticate(authorizationHeader);
        if (caller.role() != Role.ops) {
            throw new ForbiddenException("Ops only");
        }
        return caller;
    }
}
