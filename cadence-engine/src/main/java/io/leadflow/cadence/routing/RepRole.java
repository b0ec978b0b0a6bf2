package io.leadflow.cadence.routing;

/** Stored lowercase in {@code rep.role}. Only reps take leads in rotation; a manager gets escalations. */
public enum RepRole {
    rep,
    manager
}
