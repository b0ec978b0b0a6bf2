package io.leadflow.intake.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadflow.intake.config.IntakeConfig;
import io.quarkus.runtime.Startup;
import org.jboss.logging.Logger;

/**
 * The configured lead sources and the SHA-256 of each one's key. A presented key is hashed and compared
 * with every configured hash in constant time, so neither timing nor an early exit tells which was close.
 */
@ApplicationScoped
@Startup // a malformed source-keys entry stops the boot instead of the first lead
public class SourceKeys {

    private static final Logger LOG = Logger.getLogger(SourceKeys.class);

    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final List<Entry> entries;

    @Inject
    public SourceKeys(IntakeConfig config) {
        this(config.sourceKeys().orElse(List.of()));
    }

    public SourceKeys(List<String> specs) {
        this.entries = parse(specs);
        if (entries.isEmpty()) {
            LOG.warn("No lead sources configured (leadflow.intake.source-keys): every lead is rejected with 401");
        } else {
            LOG.infof("Lead sources configured: %s", sourceIds());
        }
    }

    /** The source whose key this is, if any. */
    public Optional<String> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        String matched = null;
        for (Entry entry : entries) {
            // no early exit: every entry is compared whatever matched before
            if (MessageDigest.isEqual(entry.hash(), presented) && matched == null) {
                matched = entry.sourceId();
            }
        }
        return Optional.ofNullable(matched);
    }

    public Set<String> sourceIds() {
        return entries.stream().map(Entry::sourceId).collect(Collectors.toUnmodifiableSet());
    }

    /** Lowercase hex SHA-256 of a key: what an operator puts in the configuration. */
    public static String hashOf(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static List<Entry> parse(List<String> specs) {
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
            parsed.add(new Entry(sourceId, HexFormat.of().parseHex(hash)));
        }
        return List.copyOf(parsed);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Entry(String sourceId, byte[] hash) {
    }
}
