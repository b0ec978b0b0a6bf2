package io.leadflow.intake.webhook;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.leadflow.intake.lead.LeadRequest;

/**
 * The answers of an ad platform's lead form, by the platform's field name, read into a {@link LeadRequest}.
 * Standard fields (names, email, phone and the like) have aliases across platforms; every other answer is a
 * custom answer under its question's name.
 */
final class PlatformAnswers {

    private static final Map<String, String> FIELD_OF = Map.ofEntries(
            Map.entry("full_name", "fullName"), Map.entry("first_name", "firstName"),
            Map.entry("last_name", "lastName"), Map.entry("email", "email"), Map.entry("work_email", "email"),
            Map.entry("user_email", "email"), Map.entry("phone_number", "phone"), Map.entry("phone", "phone"),
            Map.entry("user_phone", "phone"), Map.entry("work_phone", "phone"));

    private final Map<String, String> standard = new LinkedHashMap<>();
    private final Map<String, String> custom = new LinkedHashMap<>();
    private final Map<String, String> utm = new LinkedHashMap<>();

    /** @param field the platform's name or id of the field, e.g. {@code FULL_NAME} or {@code phone_number} */
    PlatformAnswers answer(String field, String question, String value) {
        if (value == null) {
            return this;
        }
        String known = field == null ? null : FIELD_OF.get(field.strip().toLowerCase(Locale.ROOT));
        if (known != null) {
            standard.putIfAbsent(known, value);
        } else {
            String name = question != null && !question.isBlank() ? question : field;
            if (name != null) {
                custom.put(name, value);
            }
        }
        return this;
    }

    /** A campaign parameter of the platform (click id, campaign id…), kept with the UTM parameters. */
    PlatformAnswers campaign(String name, Object value) {
        if (value != null) {
            utm.put(name, value.toString());
        }
        return this;
    }

    LeadRequest toLead(boolean test) {
        return new LeadRequest(standard.get("firstName"), standard.get("lastName"), standard.get("fullName"),
                standard.get("email"), standard.get("phone"), null, null,
                new LeadRequest.InterestRequest(null, null, null, null, null, null, custom),
                utm, null, test);
    }
}
