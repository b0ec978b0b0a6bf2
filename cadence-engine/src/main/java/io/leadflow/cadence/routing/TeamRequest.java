package io.leadflow.cadence.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.leadflow.cadence.problem.InvalidRequestException;
import io.leadflow.cadence.problem.Problem;

/**
 * A team as submitted to {@code PUT /api/teams/{teamId}}.
 *
 * @param managerRepId a rep whose role is manager: escalations end with them
 * @param onCallRepId  a rep of this team who gets leads under availability routing when nobody is on and within hours
 */
public record TeamRequest(String name, UUID managerRepId, UUID onCallRepId) {

    private static final Pattern TEAM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int LONGEST_NAME = 200;

    public record TeamView(String id, String name, UUID managerRepId, UUID onCallRepId) {

        static TeamView of(Team team) {
            return new TeamView(team.id, team.name, team.managerRepId, team.onCallRepId);
        }
    }

    static void requireValidId(String teamId) {
        if (!TEAM_ID.matcher(teamId).matches()) {
            throw InvalidRequestException.of("teamId", "must be 1 to 63 lowercase letters, digits or dashes");
        }
    }

    /** @throws InvalidRequestException naming every bad field; {@code team} is then unchanged */
    static void apply(TeamRequest request, Team team) {
        List<Problem.InvalidParam> problems = new ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > LONGEST_NAME) {
            problems.add(new Problem.InvalidParam("name", "must be 1 to " + LONGEST_NAME + " characters"));
        }
        if (request.managerRepId() != null
                && Rep.<Rep>findByIdOptional(request.managerRepId()).filter(rep -> rep.role == RepRole.manager).isEmpty()) {
            problems.add(new Problem.InvalidParam("managerRepId", "is not a manager"));
        }
        if (request.onCallRepId() != null && Rep.<Rep>findByIdOptional(request.onCallRepId())
                .filter(rep -> rep.role == RepRole.rep && rep.teamId.equals(team.id)).isEmpty()) {
            problems.add(new Problem.InvalidParam("onCallRepId", "is not a rep of this team"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        team.name = request.name().trim();
        team.managerRepId = request.managerRepId();
        team.onCallRepId = request.onCallRepId();
    }
}
