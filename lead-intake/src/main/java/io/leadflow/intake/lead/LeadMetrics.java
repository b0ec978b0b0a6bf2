package io.leadflow.intake.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Intake counters. Tags stay bounded: sources come from the configuration (or {@code unknown} before
 * authentication) and reasons are problem slugs.
 */
@ApplicationScoped
public class LeadMetrics {

    public static final String RECEIVED = "leadflow.leads.received";
    public static final String REJECTED = "leadflow.intake.rejected";
    public static final String UNKNOWN_SOURCE = "unknown";

    private final MeterRegistry registry;

    @Inject
    public LeadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String sourceId) {
        registry.counter(RECEIVED, "source", sourceId).increment();
    }

    public void rejected(String sourceId, String reason) {
        registry.counter(REJECTED, "source", sourceId == null ? UNKNOWN_SOURCE : sourceId, "reason", reason).increment();
    }
}
