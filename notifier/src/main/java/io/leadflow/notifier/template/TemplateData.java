package io.leadflow.notifier.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.TouchDue;

/**
 * The values a touch template can use, flattened to non-null strings: a template tests a value
 * with {@code {#if community}} and never meets a null half way through an expression.
 */
public final class TemplateData {

    /** How much of the lead's own words an SMS and an email echo back. */
    static final int SMS_ECHO_MAX = 60;
    static final int EMAIL_ECHO_MAX = 200;
    static final int SMS_REASON_MAX = 70;
    static final int FIELD_MAX = 30;
    static final int NAME_MAX = 40;
    /** The one-click unsubscribe link; empty unless the email goes to a lead. */
    public static final String UNSUBSCRIBE_URL = "unsubscribeUrl";

    private static final Pattern BEDROOMS = Pattern.compile("(?i)^\\s*(\\d+)\\s*-?\\s*(bed|beds|bedroom|bedrooms|br|bd)\\s*$");

    private TemplateData() {
    }

    public static Map<String, String> of(TouchDue touch, String businessName, String postalAddress) {
        TouchDue.LeadSnapshot lead = touch.lead();
        TouchDue.RepSnapshot rep = touch.rep();
        LeadReceived.Interest interest = lead == null ? null : lead.interest();
        Map<String, String> data = new LinkedHashMap<>();

        String fullName = lead == null ? "" : text(lead.fullName());
        String firstName = lead == null ? "" : text(lead.firstName());
        if (firstName.isEmpty() && !fullName.isEmpty()) {
            firstName = fullName.split(" ")[0];
        }
        data.put("firstName", firstName.isEmpty() ? "there" : truncate(firstName, 20));
        data.put("leadName", !fullName.isEmpty() ? truncate(fullName, NAME_MAX) : !firstName.isEmpty() ? firstName : "A new lead");
        data.put("leadPhone", lead == null ? "" : formatPhone(lead.phoneE164()));
        data.put("leadPhoneE164", lead == null ? "" : text(lead.phoneE164()));
        data.put("leadEmail", lead == null ? "" : text(lead.email()));
        data.put("source", lead == null ? "" : text(lead.sourceId()));

        // form fields are free text: bounded so that an SMS stays within two segments
        String community = interest == null ? "" : truncate(interest.community(), FIELD_MAX);
        String homeSize = interest == null ? "" : truncate(interest.homeSize(), FIELD_MAX);
        data.put("community", community);
        data.put("homeSize", homeSize);
        data.put("timeline", interest == null ? "" : truncate(interest.timeline(), FIELD_MAX));
        data.put("budget", interest == null ? "" : truncate(interest.budget(), FIELD_MAX));
        data.put("lookingFor", lookingFor(homeSize, community));

        String message = lead == null ? "" : text(lead.message());
        data.put("message", truncate(message, EMAIL_ECHO_MAX));
        data.put("messageShort", truncate(message, SMS_ECHO_MAX));

        String repName = rep == null ? "" : text(rep.name());
        data.put("repName", repName);
        data.put("repFirstName", repName.isEmpty() ? "" : truncate(repName.split(" ")[0], 20));
        data.put("repPhone", rep == null ? "" : formatPhone(rep.phoneE164()));
        data.put("repPhoneE164", rep == null ? "" : text(rep.phoneE164()));
        data.put("repEmail", rep == null ? "" : text(rep.email()));

        // templates add their own full stop
        String reason = text(touch.reason()).replaceAll("[.\\s]+$", "");
        data.put("reason", reason);
        data.put("reasonShort", truncate(reason, SMS_REASON_MAX));
        data.put("businessName", text(businessName));
        data.put("postalAddress", text(postalAddress));
        data.put(UNSUBSCRIBE_URL, "");
        return data;
    }

    /** "a 3-bedroom home in Oak Ridge", "a new home", "a home (townhouse) in Oak Ridge". */
    static String lookingFor(String homeSize, String community) {
        String home;
        Matcher bedrooms = BEDROOMS.matcher(homeSize);
        if (bedrooms.matches()) {
            home = "a " + bedrooms.group(1) + "-bedroom home";
        } else if (!homeSize.isEmpty()) {
            home = "a home (" + homeSize + ")";
        } else {
            home = "a new home";
        }
        return community.isEmpty() ? home : home + " in " + community;
    }

    /** US numbers as people write them; anything else stays E.164. */
    public static String formatPhone(String e164) {
        String phone = text(e164);
        if (phone.matches("\\+1\\d{10}")) {
            return "(" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8);
        }
        return phone;
    }

    /** Collapses whitespace and cuts at a word boundary with an ellipsis ("..." is GSM-7, "…" is not). */
    static String truncate(String value, int max) {
        String text = text(value);
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 3);
        int space = cut.lastIndexOf(' ');
        if (space > max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.replaceAll("[\\s,.;:!?-]+$", "") + "...";
    }

    private static String text(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }
}
