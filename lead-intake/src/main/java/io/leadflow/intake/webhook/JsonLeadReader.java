package io.leadflow.intake.webhook;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadflow.intake.lead.LeadRequest;

/**
 * Reads a lead out of generic JSON (what Zapier, Typeform or a CRM sends), in three layers, the first one that
 * gives a field winning: the source's field mapping (lead field -> JSON pointer); Typeform's
 * {@code form_response} (answers by their field's {@code ref}, or by type for email and phone; hidden fields; the
 * response {@code token} and {@code submitted_at}); then the top-level fields by their common names
 * ({@code full_name}, {@code first_name}, {@code phone_number}, {@code utm_*}…). Other top-level answers and
 * Typeform answers become custom answers under their name or question.
 */
final class JsonLeadReader {

    private static final Set<String> SMS_CONSENT = Set.of("smsconsent", "textconsent", "smsoptin");
    private static final Set<String> EMAIL_CONSENT = Set.of("emailconsent", "emailoptin");
    private static final Set<String> EXTERNAL_ID = Set.of("leadid", "externalid", "id");
    private static final Set<String> SUBMITTED_AT = Set.of("submittedat", "createdat");
    /** Typeform's envelope: not answers. */
    private static final Set<String> ENVELOPE = Set.of("form_response", "event_id", "event_type");

    /**
     * @param fieldNames where each lead field came from (a JSON pointer or a sender's field name), to name it in
     *                   a problem
     */
    record JsonLead(LeadRequest request, String externalId, String submittedAt, Map<String, String> fieldNames) {
    }

    private final PlatformAnswers answers = new PlatformAnswers();
    private final Map<String, String> fieldNames = new HashMap<>();
    private Boolean smsConsent;
    private Boolean emailConsent;
    private String externalId;
    private String submittedAt;

    private JsonLeadReader() {
    }

    /** @param consentText the source's consent wording, recorded when the sender says the lead consented */
    static JsonLead read(JsonNode body, Map<String, String> mapping, String consentText) {
        JsonLeadReader reader = new JsonLeadReader();
        mapping.forEach((target, pointer) -> reader.mapped(target, pointer, body.at(pointer)));
        JsonNode typeform = body.path("form_response");
        if (typeform.isObject()) {
            reader.typeform(typeform);
        }
        body.fields().forEachRemaining(field -> {
            if (!ENVELOPE.contains(field.getKey())) {
                reader.named(field.getKey(), field.getKey(), field.getValue(), field.getKey());
            }
        });
        reader.answers.consent(reader.smsConsent, reader.emailConsent, consentText);
        return new JsonLead(reader.answers.toLead(false), reader.externalId, reader.submittedAt,
                Map.copyOf(reader.fieldNames));
    }

    private void mapped(String target, String pointer, JsonNode node) {
        String value = text(node);
        if (value == null) {
            return;
        }
        if (PlatformAnswers.FIELDS.contains(target)) {
            standard(target, value, pointer);
        } else if (target.startsWith("utm.")) {
            answers.campaign(target.substring("utm.".length()), value);
        } else if (target.startsWith("custom.")) {
            answers.custom(target.substring("custom.".length()), value);
        } else {
            special(target, node);
        }
    }

    private void typeform(JsonNode response) {
        externalId = firstNonNull(externalId, text(response.path("token")));
        submittedAt = firstNonNull(submittedAt, text(response.path("submitted_at")));
        Map<String, String> questions = StreamSupport.stream(response.path("definition").path("fields").spliterator(), false)
                .filter(field -> text(field.path("id")) != null && text(field.path("title")) != null)
                .collect(Collectors.toMap(field -> text(field.path("id")), field -> text(field.path("title")),
                        (first, second) -> first));
        int index = 0;
        for (JsonNode answer : response.path("answers")) {
            String type = text(answer.path("type"));
            JsonNode field = answer.path("field");
            String ref = firstNonNull(text(field.path("ref")), text(field.path("id")));
            String question = firstNonNull(questions.get(text(field.path("id"))), ref);
            JsonNode value = "choice".equals(type) || "choices".equals(type)
                    ? choice(answer.path(type)) : answer.path(type == null ? "" : type);
            String where = "/form_response/answers/" + index++;
            if ("email".equals(type) && !fieldNames.containsKey("email")) {
                standard("email", text(value), where);
            } else if ("phone_number".equals(type) && !fieldNames.containsKey("phone")) {
                standard("phone", text(value), where);
            } else {
                named(ref, question, value, where);
            }
        }
        response.path("hidden").fields().forEachRemaining(hidden ->
                named(hidden.getKey(), hidden.getKey(), hidden.getValue(), "/form_response/hidden/" + hidden.getKey()));
    }

    /** An answer known only by its name: a standard field, a consent flag, the sender's id or time, or custom. */
    private void named(String name, String question, JsonNode node, String where) {
        String value = text(node);
        if (name == null || value == null) {
            return;
        }
        String normalized = name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        if (name.toLowerCase(Locale.ROOT).startsWith("utm_")) {
            answers.campaign(name.toLowerCase(Locale.ROOT), value);
        } else if (SMS_CONSENT.contains(normalized)) {
            special("smsConsent", node);
        } else if (EMAIL_CONSENT.contains(normalized)) {
            special("emailConsent", node);
        } else if (EXTERNAL_ID.contains(normalized)) {
            special("externalId", node);
        } else if (SUBMITTED_AT.contains(normalized)) {
            special("submittedAt", node);
        } else {
            PlatformAnswers.fieldOf(name).ifPresentOrElse(field -> standard(field, value, where),
                    () -> answers.custom(question == null ? name : question, value));
        }
    }

    private void special(String target, JsonNode node) {
        switch (target) {
            case "smsConsent" -> smsConsent = firstNonNull(smsConsent, yes(node));
            case "emailConsent" -> emailConsent = firstNonNull(emailConsent, yes(node));
            case "externalId" -> externalId = firstNonNull(externalId, text(node));
            case "submittedAt" -> submittedAt = firstNonNull(submittedAt, text(node));
            default -> throw new IllegalArgumentException("not a mapping target: " + target);
        }
    }

    private void standard(String field, String value, String where) {
        if (value != null && !fieldNames.containsKey(field)) {
            answers.standard(field, value);
            fieldNames.put(leadPath(field), where);
        }
    }

    /** The lead format's path of a field, as validation names it. */
    private static String leadPath(String field) {
        return switch (field) {
            case "community", "product", "homeSize", "budget", "timeline", "heardAbout" -> "interest." + field;
            case "pageUrl" -> "consent.pageUrl";
            default -> field;
        };
    }

    /** Typeform's {@code choice} ({@code label} or {@code other}) and {@code choices} ({@code labels}). */
    private static JsonNode choice(JsonNode choice) {
        if (choice.has("labels")) {
            return choice.get("labels");
        }
        return choice.has("label") ? choice.get("label") : choice.path("other");
    }

    /** A scalar as text; an array of scalars joined with ", "; anything else (objects, null, missing) is absent. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isObject()) {
            return null;
        }
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (Iterator<JsonNode> items = node.elements(); items.hasNext();) {
                JsonNode item = items.next();
                if (item.isValueNode() && !item.isNull()) {
                    joined.append(joined.isEmpty() ? "" : ", ").append(item.asText());
                }
            }
            return joined.isEmpty() ? null : joined.toString();
        }
        return node.asText();
    }

    private static Boolean yes(JsonNode node) {
        String value = text(node);
        return value == null ? null : Set.of("true", "yes", "y", "on", "1").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
