package io.leadflow.cadence.lead;

/** Where every cadence of a lead stands; a stop is final, a pause is undone by a resume. */
public enum CadenceState {
    ACTIVE,
    PAUSED,
    STOPPED
}
