package io.leadflow.cadence.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.EngineConfig;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.routing.RoutingRule;
import io.leadflow.cadence.routing.RoutingStrategy;

/** Per-source cadence settings, with the engine's defaults for a source that has none. */
@ApplicationScoped
public class CadenceSettingsService {

    private final EngineConfig.Claim defaults;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    CadenceSettingsService(EngineConfig config, ObjectMapper objectMapper, Clock clock) {
        this.defaults = config.claim();
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public CadenceSettings forSource(String sourceId) {
        SourceSettings stored = SourceSettings.findById(sourceId);
        if (stored == null) {
            return new CadenceSettings(sourceId, false, null, defaults.sla(), List.of(), defaults.maxFallbacks(), Set.of(),
                    RoutingStrategy.ROUND_ROBIN, Rep.DEFAULT_TEAM, List.of());
        }
        return new CadenceSettings(sourceId, true, stored.playbookId, Duration.ofMillis(stored.claimSlaMs),
                List.of(stored.escalationChain), stored.maxFallbacks, Set.of(stored.holidays),
                RoutingStrategy.of(stored.routingStrategy).orElseThrow(), stored.teamId, rules(stored.routingRulesJson));
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
        stored.routingStrategy = settings.routing().wireName();
        stored.teamId = settings.teamId();
        stored.routingRulesJson = settings.routingRules().isEmpty() ? null : json(settings.routingRules());
        stored.updatedAt = clock.instant();
        if (isNew) {
            stored.persist();
        }
        return forSource(settings.sourceId());
    }

    private List<RoutingRule> rules(String json) {
        try {
            return json == null ? List.of() : List.of(objectMapper.readValue(json, RoutingRule[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("source_settings.routing_rules_json is not valid", e);
        }
    }

    private String json(List<RoutingRule> rules) {
        try {
            return objectMapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Routing rules cannot be written as JSON", e);
        }
    }
}
