package io.leadflow.cadence.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.leadflow.cadence.EngineConfig;

/** Per-source cadence settings, with the engine's defaults for a source that has none. */
@ApplicationScoped
public class CadenceSettingsService {

    private final EngineConfig.Claim defaults;
    private final Clock clock;

    CadenceSettingsService(EngineConfig config, Clock clock) {
        this.defaults = config.claim();
        this.clock = clock;
    }

    public CadenceSettings forSource(String sourceId) {
        SourceSettings stored = SourceSettings.findById(sourceId);
        if (stored == null) {
            return new CadenceSettings(sourceId, false, null, defaults.sla(), List.of(), defaults.maxFallbacks(), Set.of());
        }
        return new CadenceSettings(sourceId, true, stored.playbookId, Duration.ofMillis(stored.claimSlaMs),
                List.of(stored.escalationChain), stored.maxFallbacks, Set.of(stored.holidays));
    }

    @Transactional
    public CadenceSettings put(CadenceSettings settings) {
        SourceSettings stored = SourceSettings.findById(settings.sourceId());
        boolean isNew = stored == null;
        if (isNew) {
            stored = new SourceSettings();
            stored.sourceId = settings.sourceId();
        }
        stored.playbookId = settings.playbookId();
        stored.claimSlaMs = settings.claimSla().toMillis();
        stored.escalationChain = settings.escalationChain().toArray(UUID[]::new);
        stored.maxFallbacks = settings.maxFallbacks();
        stored.holidays = settings.holidays().stream().sorted().toArray(LocalDate[]::new);
        stored.updatedAt = clock.instant();
        if (isNew) {
            stored.persist();
        }
        return forSource(settings.sourceId());
    }
}
