package io.leadflow.intake.source;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadflow.intake.config.IntakeConfig;
import io.quarkus.logging.Log;

/**
 * Makes the sources of {@code leadflow.intake.source-keys} exist in the schema, with exactly the configured key
 * as their config key: the bootstrap and demo sources keep working from the environment alone, and a key
 * removed from the environment stops working at the next start. Keys added through the admin API are kept.
 */
@ApplicationScoped
public class SourceBootstrap {

    @Inject
    IntakeConfig config;

    @Inject
    SourceFactory factory;

    @Inject
    Clock clock;

    @Transactional
    public void apply() {
        List<ConfiguredSourceKeys.Entry> entries = ConfiguredSourceKeys.parse(config.sourceKeys().orElse(List.of()));
        Instant now = clock.instant();
        for (ConfiguredSourceKeys.Entry entry : entries) {
            if (Source.findById(entry.sourceId()) == null) {
                factory.create(entry.sourceId(), entry.sourceId(), now).persist();
            }
            SourceSecret.delete("sourceId = ?1 and origin = ?2 and keyHash <> ?3",
                    entry.sourceId(), SourceSecret.ORIGIN_CONFIG, entry.keyHash());
            if (SourceSecret.findById(entry.keyHash()) == null) {
                SourceSecret secret = new SourceSecret();
                secret.keyHash = entry.keyHash();
                secret.sourceId = entry.sourceId();
                secret.origin = SourceSecret.ORIGIN_CONFIG;
                secret.createdAt = now;
                secret.persist();
            }
        }
        if (entries.isEmpty()) {
            Log.info("No bootstrap sources in leadflow.intake.source-keys; sources come from the admin API only");
        } else {
            Log.infof("Bootstrap sources: %s", entries.stream().map(ConfiguredSourceKeys.Entry::sourceId).toList());
        }
    }
}
