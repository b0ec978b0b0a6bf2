package io.leadflow.cadence.auth;

/** Stored lowercase in {@code api_token.role}. */
public enum Role {
    rep,
    manager,
    ops;

    /** Managers and ops see every lead; a rep sees only their own. */
    public boolean seesAllLeads() {
        return this != rep;
    }
}
