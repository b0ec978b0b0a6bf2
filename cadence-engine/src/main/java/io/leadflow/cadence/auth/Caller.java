package io.leadflow.cadence.auth;

import java.util.UUID;

/** Who is calling the rep or ops API. */
public record Caller(Role role, UUID repId) {

    public boolean maySee(UUID assignedRepId) {
        return role.seesAllLeads() || (repId != null && repId.equals(assignedRepId));
    }
}
