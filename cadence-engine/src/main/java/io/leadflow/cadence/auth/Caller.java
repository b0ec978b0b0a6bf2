package io.leadflow.cadence.auth;

import java.util.Optional;
import java.util.UUID;

/** Who is calling the rep or ops API. */
public record Caller(Role role, UUID repId) {

    private static final String REP_ACTOR = "rep:";

    /** As in a lead.activity's {@code actor}: {@code rep:<id>} for a rep, else the role. */
    public String actor() {
        return role == Role.rep ? actorOf(repId) : role.name();
    }

    /** The {@code actor} of a rep's activity. */
    public static String actorOf(UUID repId) {
        return REP_ACTOR + repId;
    }

    /** The rep of an {@code actor} such as {@code rep:<id>}; empty for {@code lead}, {@code ops}, {@code engine}… */
    public static Optional<UUID> repOf(String actor) {
        return actor != null && actor.startsWith(REP_ACTOR) ? Optional.of(UUID.fromString(actor.substring(REP_ACTOR.length())))
                : Optional.empty();
    }

    public boolean maySee(UUID assignedRepId) {
        return role.seesAllLeads() || (repId != null && repId.equals(assignedRepId));
    }
}
