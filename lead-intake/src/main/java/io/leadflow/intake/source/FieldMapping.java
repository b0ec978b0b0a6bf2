package io.leadflow.intake.source;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a generic JSON webhook's sender keeps each lead field: lead field -> JSON pointer (RFC 6901), stored as a
 * JSON object in {@code source.field_mapping}.
 */
public final class FieldMapping {

    /** The lead fields a pointer can fill: the lead format's, plus consent flags, the sender's id and time. */
    public static final String TARGET = "fullName|firstName|lastName|email|phone|message|timeZone|community|product"
            + "|homeSize|budget|timeline|heardAbout|pageUrl|smsConsent|emailConsent|externalId|submittedAt"
            + "|utm\\.[A-Za-z0-9_.-]{1,64}|custom\\.\\S.{0,99}";
    public static final String TARGET_RULE = "must be a lead field (fullName, email, phone, message, community…, "
            + "smsConsent, emailConsent, externalId, submittedAt, utm.<name> or custom.<question>)";
    public static final String POINTER = "(/([^~/]|~[01])*)+";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private FieldMapping() {
    }

    static Map<String, String> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        try {
            return Map.copyOf(JSON.readValue(stored, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("source.field_mapping is not a JSON object of strings", e);
        }
    }

    static String toJson(Map<String, String> mapping) {
        try {
            return mapping.isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(mapping));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a field mapping could not be written", e);
        }
    }
}
