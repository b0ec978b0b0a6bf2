package io.leadflow.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who a due touch is for: the lead (a touch) or the assigned rep (an alert, not counted as a touch). */
public enum Audience {
    @JsonProperty("lead") LEAD,
    @JsonProperty("rep") REP
}
