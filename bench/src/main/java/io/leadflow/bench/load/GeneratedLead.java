package io.leadflow.bench.load;

import java.util.Map;

/**
 * One sample lead: the JSON body to post, and what the sinks should see for it.
 *
 * @param phoneE164 the number intake should normalize the typed phone to (SMS to the lead go there)
 * @param email     lowercase, or null when the form has none
 * @param nightLead its local time is 22:00–06:00 now: no SMS or call may reach it
 */
public record GeneratedLead(int serial, Map<String, Object> body, String phoneE164, String email,
                            boolean smsConsent, boolean emailConsent, String timeZone, boolean nightLead) {
}
