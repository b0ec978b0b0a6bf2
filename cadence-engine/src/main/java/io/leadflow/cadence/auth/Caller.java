package io.leadflow.cadence.auth;

import java.util.UUID;

/** Who is calling the rep or ops API. */
public record Caller(Role role, UUID repId) {

    /** As in a lead.activity's {@code actor}: {@code rep:<id>} for a rep, else the role. */
    public String actor() {
        return role == Role.rep ? "rep:" + repId : role.name();
    }

    public boolean maySee(UUID assignedRepId) {
        return role.seesAllLeads() || (repId != null && repId.equals(assignedRepId));
    }
}
