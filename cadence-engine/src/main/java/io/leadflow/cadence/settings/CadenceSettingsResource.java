package io.leadflow.cadence.settings;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.leadflow.cadence.auth.BearerTokenAuthenticator;
import io.leadflow.cadence.playbook.PlaybookCatalog;
import io.leadflow.cadence.problem.InvalidRequestException;
import io.leadflow.cadence.problem.Problem;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.routing.RepRole;
import io.leadflow.cadence.routing.RoutingRule;
import io.leadflow.cadence.routing.RoutingStrategy;
import io.leadflow.cadence.routing.Team;
import io.smallrye.common.annotation.Blocking;

/** A source's playbook, claim SLA, escalation chain, holidays and routing; managers and ops only. */
@Path("/api/sources/{sourceId}/cadence-settings")
@Produces(MediaType.APPLICATION_JSON)
public class CadenceSettingsResource {

    private static final Duration LONGEST_SLA = Duration.ofDays(1);
    private static final int MOST_FALLBACKS = 10;

    private final BearerTokenAuthenticator authenticator;
    private final CadenceSettingsService settings;
    private final PlaybookCatalog playbooks;

    CadenceSettingsResource(BearerTokenAuthenticator authenticator, CadenceSettingsService settings,
            PlaybookCatalog playbooks) {
        this.authenticator = authenticator;
        this.settings = settings;
        this.playbooks = playbooks;
    }

    /**
     * @param playbookId      a playbook id; its latest version runs for the source's new leads
     * @param claimSla        ISO-8601 duration, e.g. {@code PT60S}
     * @param escalationChain rep ids, tried in order when nobody claims
     * @param maxFallbacks    how many other reps are tried before the manager owns the lead
     * @param holidays        local dates ({@code 2026-12-25}) on which no SMS or call goes out
     * @param routing         {@code round-robin} (default), {@code weighted}, {@code rules} or {@code availability}
     * @param teamId          the team new leads are routed in (default {@code default})
     * @param routingRules    for {@code rules}: the first that matches names a rep or a team
     */
    public record SettingsRequest(String playbookId, String claimSla, List<UUID> escalationChain, Integer maxFallbacks,
            Set<LocalDate> holidays, String routing, String teamId, List<RoutingRule> routingRules) {
    }

    @GET
    @Blocking
    public CadenceSettings get(@PathParam("sourceId") String sourceId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.authenticateManager(authorization);
        return settings.forSource(sourceId);
    }

    @PUT
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public CadenceSettings put(@PathParam("sourceId") String sourceId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SettingsRequest request) {
        authenticator.authenticateManager(authorization);
        return settings.put(validated(sourceId, request == null ? new SettingsRequest(null, null, null, null, null, null, null, null) : request));
    }

    private CadenceSettings validated(String sourceId, SettingsRequest request) {
        List<Problem.InvalidParam> problems = new ArrayList<>();
        if (request.playbookId() != null && playbooks.latest(request.playbookId()).isEmpty()) {
            problems.add(new Problem.InvalidParam("playbookId", "no such playbook"));
        }
        Duration sla = null;
        try {
            sla = request.claimSla() == null ? null : Duration.parse(request.claimSla());
        } catch (DateTimeException e) {
            // reported below
        }
        if (sla == null || sla.isNegative() || sla.isZero() || sla.compareTo(LONGEST_SLA) > 0) {
            problems.add(new Problem.InvalidParam("claimSla", "must be an ISO-8601 duration above zero and at most P1D, e.g. PT60S"));
        }
        List<UUID> chain = request.escalationChain() == null ? List.of() : request.escalationChain();
        for (int i = 0; i < chain.size(); i++) {
            Rep rep = chain.get(i) == null ? null : Rep.findById(chain.get(i));
            if (rep == null || rep.role != RepRole.rep) {
                problems.add(new Problem.InvalidParam("escalationChain[" + i + "]", "is not a rep"));
            }
        }
        int maxFallbacks = request.maxFallbacks() == null ? chain.size() : request.maxFallbacks();
        if (maxFallbacks < 0 || maxFallbacks > MOST_FALLBACKS) {
            problems.add(new Problem.InvalidParam("maxFallbacks", "must be between 0 and " + MOST_FALLBACKS));
        }
        RoutingStrategy routing = request.routing() == null ? RoutingStrategy.ROUND_ROBIN
                : RoutingStrategy.of(request.routing()).orElse(null);
        if (routing == null) {
            problems.add(new Problem.InvalidParam("routing", "must be round-robin, weighted, rules or availability"));
        }
        String teamId = request.teamId() == null ? Rep.DEFAULT_TEAM : request.teamId();
        if (Team.findById(teamId) == null) {
            problems.add(new Problem.InvalidParam("teamId", "no such team"));
        }
        List<RoutingRule> rules = request.routingRules() == null ? List.of() : request.routingRules();
        for (int i = 0; i < rules.size(); i++) {
            problems.addAll(rules.get(i).problems("routingRules[" + i + "]"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new CadenceSettings(sourceId, true, request.playbookId(), sla, List.copyOf(chain), maxFallbacks,
                request.holidays() == null ? Set.of() : Set.copyOf(request.holidays()), routing, teamId, List.copyOf(rules));
    }
}
