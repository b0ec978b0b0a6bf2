package io.leadflow.intake.source;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The sources and their key hashes, held in memory so that authenticating a lead costs no database
 * round trip. Reloaded after every admin change and periodically ({@link SourceDirectoryRefresh}), so a
 * change made on another instance is seen within the refresh interval.
 */
@ApplicationScoped
public class SourceDirectory {

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of());

    /** The source whose key this is, if the key is current or still inside its rotation grace period. */
    public Optional<SourceSettings> authenticate(String presentedKey, Instant now) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        Snapshot current = snapshot;
        KeyEntry key = current.keys().get(Keys.hashOf(presentedKey));
        if (key == null || (key.expiresAt() != null && !now.isBefore(key.expiresAt()))) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.byId().get(key.sourceId()));
    }

    /** Whether this key (e.g. a Google Ads webhook key) belongs to this source and is valid now. */
    public boolean isKeyOf(String sourceId, String presentedKey, Instant now) {
        return authenticate(presentedKey, now).filter(source -> source.id().equals(sourceId)).isPresent();
    }

    public Optional<SourceSettings> byId(String sourceId) {
        return Optional.ofNullable(snapshot.byId().get(sourceId));
    }

    public Optional<SourceSettings> byFormKey(String formKey) {
        return Optional.ofNullable(snapshot.byFormKey().get(formKey));
    }

    @Transactional
    public void reload() {
        Map<String, SourceSettings> byId = new HashMap<>();
        Map<String, SourceSettings> byFormKey = new HashMap<>();
        for (Source source : Source.<Source> listAll()) {
            SourceSettings settings = SourceSettings.of(source);
            byId.put(settings.id(), settings);
            byFormKey.put(settings.formKey(), settings);
        }
        Map<String, KeyEntry> keys = new HashMap<>();
        for (SourceSecret secret : SourceSecret.<SourceSecret> listAll()) {
            keys.put(secret.keyHash, new KeyEntry(secret.sourceId, secret.expiresAt));
        }
        snapshot = new Snapshot(Map.copyOf(byId), Map.copyOf(byFormKey), Map.copyOf(keys));
    }

    List<SourceSettings> all() {
        return snapshot.byId().values().stream().sorted(java.util.Comparator.comparing(SourceSettings::id)).toList();
    }

    private record KeyEntry(String sourceId, Instant expiresAt) {
    }

    private record Snapshot(Map<String, SourceSettings> byId, Map<String, SourceSettings> byFormKey,
            Map<String, KeyEntry> keys) {
    }
}
