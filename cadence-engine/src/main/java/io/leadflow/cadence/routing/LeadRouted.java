package io.leadflow.cadence.routing;

import java.util.UUID;

/**
 * A lead was given to a rep: a new lead's first rep, an escalation's next rep or the manager, or the
 * rep who claimed it.
 * Fired inside the routing transaction; observe it {@code during = AFTER_SUCCESS} to act only on
 * committed routing.
 */
public record LeadRouted(UUID leadId, UUID repId) {
}
