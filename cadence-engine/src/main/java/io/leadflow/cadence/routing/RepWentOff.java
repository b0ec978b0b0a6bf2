package io.leadflow.cadence.routing;

import java.util.UUID;

/**
 * A rep was switched off (they take no new leads). Fired inside the switch's transaction, so what
 * observers do about the rep's leads commits, or not, with it.
 *
 * @param actor who switched them off: {@code ops} or {@code manager}
 */
public record RepWentOff(UUID repId, String actor) {
}
