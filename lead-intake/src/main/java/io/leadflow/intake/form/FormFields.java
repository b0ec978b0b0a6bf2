package io.leadflow.intake.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.leadflow.intake.lead.LeadRequest;
import io.leadflow.intake.source.SourceSettings;

/**
 * The fields of an HTML lead form, read into a {@link LeadRequest}. The names are those of the JSON format
 * ({@code firstName}, {@code homeSize}…); {@code utm_*} fields are campaign parameters; any other field is a
 * custom answer. The consent wording is the source's own, never the page's: it is what the lead saw.
 */
final class FormFields {

    static final String TOKEN = "lf_token";
    static final String HONEYPOT = "company_website";

    private static final Set<String> CHECKED = Set.of("on", "yes", "true", "1");
    private static final Set<String> KNOWN = Set.of(TOKEN, HONEYPOT, "firstName", "lastName", "fullName", "name",
            "email", "phone", "message", "timeZone", "postalCode", "community", "product", "homeSize", "budget", "timeline",
            "heardAbout", "smsConsent", "emailConsent", "pageUrl");
    /** Where a JSON path of the lead format came from on the form, for error messages that name the field. */
    private static final Map<String, String> FORM_NAME_OF = Map.of(
            "interest.community", "community", "interest.product", "product", "interest.homeSize", "homeSize",
            "interest.budget", "budget", "interest.timeline", "timeline", "interest.heardAbout", "heardAbout",
            "consent.pageUrl", "pageUrl");

    private final Map<String, String> values;

    FormFields(Map<String, List<String>> fields) {
        Map<String, String> first = new LinkedHashMap<>();
        fields.forEach((name, list) -> {
            if (name != null && list != null && !list.isEmpty()) {
                first.put(name, list.get(0));
            }
        });
        this.values = first;
    }

    String get(String name) {
        return values.get(name);
    }

    boolean honeypotFilled() {
        String value = values.get(HONEYPOT);
        return value != null && !value.isBlank();
    }

    LeadRequest toLead(SourceSettings source) {
        Map<String, String> utm = new LinkedHashMap<>();
        Map<String, String> custom = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("utm_")) {
                utm.put(name, value);
            } else if (!KNOWN.contains(name)) {
                custom.put(name, value);
            }
        });
        String fullName = values.getOrDefault("fullName", values.get("name"));
        return new LeadRequest(
                get("firstName"), get("lastName"), fullName, get("email"), get("phone"), get("message"),
                get("timeZone"), get("postalCode"),
                new LeadRequest.InterestRequest(get("community"), get("product"), get("homeSize"), get("budget"),
                        get("timeline"), get("heardAbout"), custom),
                utm,
                new LeadRequest.ConsentRequest(checked("smsConsent"), checked("emailConsent"), source.consentText(),
                        get("pageUrl")),
                false);
    }

    /** The form field a JSON path of the lead format stands for: {@code interest.budget} → {@code budget}. */
    static String formNameOf(String jsonPath) {
        int bracket = jsonPath.indexOf('[');
        if (bracket >= 0 && jsonPath.endsWith("]")) { // a custom answer or a utm parameter: its own field name
            return jsonPath.substring(bracket + 1, jsonPath.length() - 1);
        }
        return FORM_NAME_OF.getOrDefault(jsonPath, jsonPath);
    }

    private boolean checked(String name) {
        String value = values.get(name);
        return value != null && CHECKED.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
