package io.leadflow.cadence.routing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.leadflow.cadence.auth.Caller;
import io.leadflow.cadence.auth.Role;
import io.leadflow.cadence.problem.ForbiddenException;
import io.leadflow.cadence.problem.InvalidRequestException;
import io.leadflow.cadence.problem.Problem;

/** Reps and teams as ops (every team) and managers (their own team's reps) manage them. */
@ApplicationScoped
public class RepDirectory {

    private static final Logger LOG = Logger.getLogger(RepDirectory.class);

    private final TeamRouter router;
    private final Event<RepWentOff> wentOff;
    private final Clock clock;

    RepDirectory(TeamRouter router, Event<RepWentOff> wentOff, Clock clock) {
        this.router = router;
        this.wentOff = wentOff;
        this.clock = clock;
    }

    @Transactional
    public List<RepRequest.RepView> reps(Caller caller) {
        List<Rep> reps = caller.role() == Role.ops ? Rep.list("order by name, id")
                : Rep.list("teamId = ?1 order by name, id", teamOf(caller));
        return reps.stream().map(RepRequest.RepView::of).toList();
    }

    /** Empty for an unknown rep, or one of another team for a manager. */
    @Transactional
    public Optional<RepRequest.RepView> rep(UUID repId, Caller caller) {
        return visible(repId, caller).map(RepRequest.RepView::of);
    }

    @Transactional
    public RepRequest.RepView create(RepRequest request, Caller caller) {
        Rep rep = Rep.create(null, null, null, clock.instant());
        if (caller.role() != Role.ops) {
            rep.teamId = teamOf(caller);
        }
        RepValidation.apply(request, rep, true);
        requireOwnTeam(rep.teamId, caller);
        rep.persist();
        LOG.infof("Rep %s created in team %s by %s", rep.id, rep.teamId, caller.actor());
        return RepRequest.RepView.of(rep);
    }

    /** Empty for an unknown rep, or one of another team for a manager. */
    @Transactional
    public Optional<RepRequest.RepView> update(UUID repId, RepRequest request, Caller caller) {
        Optional<Rep> found = visible(repId, caller);
        found.ifPresent(rep -> {
            boolean wasOn = rep.onDuty;
            if (wasOn && Boolean.FALSE.equals(request.on())) {
                // the team's lock before the rep's row, as routing takes them; the handover picks under it
                router.lockTeam(rep.teamId);
            }
            RepValidation.apply(request, rep, false);
            requireOwnTeam(rep.teamId, caller);
            LOG.infof("Rep %s updated by %s (on: %s, team %s)", rep.id, caller.actor(), rep.onDuty, rep.teamId);
            if (wasOn && !rep.onDuty) {
                wentOff.fire(new RepWentOff(rep.id, caller.actor()));
            }
        });
        return found.map(RepRequest.RepView::of);
    }

    @Transactional
    public List<TeamRequest.TeamView> teams() {
        return Team.<Team>list("order by id").stream().map(TeamRequest.TeamView::of).toList();
    }

    @Transactional
    public TeamRequest.TeamView putTeam(String teamId, TeamRequest request) {
        Team team = Team.findById(teamId);
        boolean isNew = team == null;
        if (isNew) {
            team = new Team();
            team.id = teamId;
        }
        TeamRequest.apply(request, team);
        if (isNew) {
            team.persist();
        }
        LOG.infof("Team %s %s", teamId, isNew ? "created" : "updated");
        return TeamRequest.TeamView.of(team);
    }

    private Optional<Rep> visible(UUID repId, Caller caller) {
        return Rep.<Rep>findByIdOptional(repId)
                .filter(rep -> caller.role() == Role.ops || rep.teamId.equals(teamOf(caller)));
    }

    private static void requireOwnTeam(String teamId, Caller caller) {
        if (caller.role() != Role.ops && !teamId.equals(teamOf(caller))) {
            throw new ForbiddenException("A manager manages the reps of their own team only");
        }
    }

    private static String teamOf(Caller caller) {
        return Rep.<Rep>findByIdOptional(caller.repId()).map(rep -> rep.teamId)
                .orElseThrow(() -> new InvalidRequestException(List.of(new Problem.InvalidParam("authorization",
                        "the token names no rep"))));
    }
}
