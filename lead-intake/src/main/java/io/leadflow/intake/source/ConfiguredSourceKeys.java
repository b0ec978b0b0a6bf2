package io.leadflow.intake.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses {@code leadflow.intake.source-keys}: a comma list of {@code sourceId=<lowercase hex SHA-256 of the key>}.
 * These are the bootstrap sources (the demo source of {@code ./leadflow up}, the test sources); every other
 * source is managed through the admin API.
 */
public final class ConfiguredSourceKeys {

    public static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** One configured source and the hash of its key. */
    public record Entry(String sourceId, String keyHash) {
    }

    private ConfiguredSourceKeys() {
    }

    public static List<Entry> parse(List<String> specs) {
        List<Entry> parsed = new ArrayList<>();
        for (String raw : specs) {
            String spec = raw.trim();
            if (spec.isEmpty()) {
                continue;
            }
            int eq = spec.indexOf('=');
            String sourceId = eq < 0 ? "" : spec.substring(0, eq).trim();
            String hash = eq < 0 ? "" : spec.substring(eq + 1).trim();
            if (!SOURCE_ID.matcher(sourceId).matches() || !SHA256_HEX.matcher(hash).matches()) {
                // the entry itself is not echoed: it might hold a raw key pasted by mistake
                throw new IllegalArgumentException("leadflow.intake.source-keys: entry " + (parsed.size() + 1)
                        + " is not sourceId=<lowercase sha256 hex> (source ids: lowercase letters, digits, . _ -)");
            }
            if (parsed.stream().anyMatch(e -> e.sourceId().equals(sourceId))) {
                throw new IllegalArgumentException("leadflow.intake.source-keys: source " + sourceId + " is listed twice");
            }
            parsed.add(new Entry(sourceId, hash));
        }
        return List.copyOf(parsed);
    }
}
