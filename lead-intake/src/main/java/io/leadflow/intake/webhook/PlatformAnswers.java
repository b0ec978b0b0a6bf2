package io.leadflow.intake.webhook;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.leadflow.intake.lead.LeadRequest;

/**
 * The answers of a lead form from elsewhere (an ad platform, a form builder, a CRM), by the sender's field name,
 * read into a {@link LeadRequest}. Standard fields have aliases across senders ({@code full_name}, {@code Full Name}
 * and {@code FULL_NAME} are one name); every other answer is a custom answer under its question's name.
 */
final class PlatformAnswers {

    /** The lead fields a sender's field can fill: the lead format's names (interest fields without the prefix). */
    static final Set<String> FIELDS = Set.of("fullName", "firstName", "lastName", "email", "phone",
            "message", "timeZone", "community", "product", "homeSize", "budget", "timeline", "heardAbout", "pageUrl");

    private static final Map<String, String> FIELD_OF = Map.ofEntries(
            Map.entry("fullname", "fullName"), Map.entry("name", "fullName"),
            Map.entry("firstname", "firstName"), Map.entry("givenname", "firstName"),
            Map.entry("lastname", "lastName"), Map.entry("surname", "lastName"), Map.entry("familyname", "lastName"),
            Map.entry("email", "email"), Map.entry("emailaddress", "email"), Map.entry("workemail", "email"),
            Map.entry("useremail", "email"),
            Map.entry("phone", "phone"), Map.entry("phonenumber", "phone"), Map.entry("userphone", "phone"),
            Map.entry("workphone", "phone"), Map.entry("mobile", "phone"), Map.entry("mobilephone", "phone"),
            Map.entry("telephone", "phone"),
            Map.entry("message", "message"), Map.entry("comments", "message"), Map.entry("comment", "message"),
            Map.entry("timezone", "timeZone"), Map.entry("community", "community"), Map.entry("product", "product"),
            Map.entry("homesize", "homeSize"), Map.entry("budget", "budget"), Map.entry("timeline", "timeline"),
            Map.entry("moveintimeline", "timeline"), Map.entry("heardabout", "heardAbout"),
            Map.entry("howdidyouhearaboutus", "heardAbout"), Map.entry("pageurl", "pageUrl"));

    private final Map<String, String> standard = new LinkedHashMap<>();
    private final Map<String, String> custom = new LinkedHashMap<>();
    private final Map<String, String> utm = new LinkedHashMap<>();
    private Boolean smsConsent;
    private Boolean emailConsent;
    private String consentText;

    /** The lead field a sender's field name stands for, e.g. {@code phone} for {@code PHONE_NUMBER}. */
    static Optional<String> fieldOf(String name) {
        return name == null ? Optional.empty()
                : Optional.ofNullable(FIELD_OF.get(name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT)));
    }

    /** @param field the sender's name or id of the field, e.g. {@code FULL_NAME} or {@code phone_number} */
    PlatformAnswers answer(String field, String question, String value) {
        if (value == null) {
            return this;
        }
        Optional<String> known = fieldOf(field);
        if (known.isPresent()) {
            standard(known.get(), value);
        } else {
            String name = question != null && !question.isBlank() ? question : field;
            if (name != null) {
                custom(name, value);
            }
        }
        return this;
    }

    /** A value for a lead field of {@link #FIELDS}; the first one given wins. */
    PlatformAnswers standard(String field, String value) {
        if (value != null) {
            standard.putIfAbsent(field, value);
        }
        return this;
    }

    PlatformAnswers custom(String question, String value) {
        if (value != null) {
            custom.putIfAbsent(question, value);
        }
        return this;
    }

    /** A campaign parameter (UTM, a platform's click or campaign id), kept with the UTM parameters. */
    PlatformAnswers campaign(String name, Object value) {
        if (value != null) {
            utm.put(name, value.toString());
        }
        return this;
    }

    /** @param text the consent wording the sender's form showed (the source's, for senders that do not say) */
    PlatformAnswers consent(Boolean sms, Boolean email, String text) {
        smsConsent = sms;
        emailConsent = email;
        consentText = text;
        return this;
    }

    LeadRequest toLead(boolean test) {
        boolean consented = Boolean.TRUE.equals(smsConsent) || Boolean.TRUE.equals(emailConsent);
        LeadRequest.ConsentRequest consent = consented || standard.containsKey("pageUrl")
                ? new LeadRequest.ConsentRequest(smsConsent, emailConsent, consented ? consentText : null,
                        standard.get("pageUrl"))
                : null;
        // a platform's zip stays a custom answer: intake takes it as the postal code only when it reads as one
        return new LeadRequest(standard.get("firstName"), standard.get("lastName"), standard.get("fullName"),
                standard.get("email"), standard.get("phone"), standard.get("message"), standard.get("timeZone"), null,
                new LeadRequest.InterestRequest(standard.get("community"), standard.get("product"),
                        standard.get("homeSize"), standard.get("budget"), standard.get("timeline"),
                        standard.get("heardAbout"), custom),
                utm, consent, test);
    }
}
