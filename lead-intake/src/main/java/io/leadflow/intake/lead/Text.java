package io.leadflow.intake.lead;

import java.util.LinkedHashMap;
import java.util.Map;

/** Form text as intake keeps it: trimmed, and blank means absent. */
final class Text {

    private Text() {
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Trims keys and values and drops entries whose key or value is blank; null stays null. */
    static Map<String, String> clean(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        Map<String, String> cleaned = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            String k = clean(key);
            String v = clean(value);
            if (k != null && v != null) {
                cleaned.put(k, v);
            }
        });
        return cleaned;
    }
}
