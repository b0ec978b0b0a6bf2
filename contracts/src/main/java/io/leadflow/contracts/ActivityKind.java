package io.leadflow.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Something a person did about a lead: the prospect (reply, opt-out) or a rep (claim, outcome). */
public enum ActivityKind {
    @JsonProperty("reply") REPLY,
    @JsonProperty("opt_out") OPT_OUT,
    @JsonProperty("opt_in") OPT_IN,
    @JsonProperty("claim_requested") CLAIM_REQUESTED,
    @JsonProperty("outcome") OUTCOME,
    @JsonProperty("commitment") COMMITMENT,
    @JsonProperty("pause") PAUSE,
    @JsonProperty("resume") RESUME,
    @JsonProperty("came_back") CAME_BACK
}
