package io.leadflow.cadence.routing;

import java.util.Map;
import java.util.UUID;

/**
 * A rep as submitted to {@code POST /api/reps} (every field but {@code on}, {@code weight}, {@code role}
 * and {@code teamId} required) or {@code PATCH /api/reps/{id}} (a field left out keeps its value).
 *
 * @param phoneE164    E.164, e.g. {@code +14155550101}
 * @param timeZone     IANA zone of the working hours, e.g. {@code America/New_York}
 * @param workingHours {@code {"monday": {"from": "09:00", "to": "17:00"}, …}}; a day not listed is off
 * @param on           takes new leads (default true); going off hands the rep's unclaimed leads over
 * @param weight       1 to 100 (default 1), the rep's share under weighted routing
 * @param role         {@code rep} (default) or {@code manager}
 */
public record RepRequest(String name, String phoneE164, String email, String timeZone,
        Map<String, Map<String, String>> workingHours, Boolean on, Integer weight, String role, String teamId) {

    /** What the API answers: the rep as stored. */
    public record RepView(UUID id, String name, String phoneE164, String email, String timeZone,
            Map<String, Map<String, String>> workingHours, boolean on, int weight, String role, String teamId) {

        static RepView of(Rep rep) {
            return new RepView(rep.id, rep.name, rep.phoneE164, rep.email, rep.timeZone,
                    rep.workingHours == null ? null : rep.workingHours.byDayName(), rep.onDuty, rep.weight,
                    rep.role.name(), rep.teamId);
        }
    }
}
