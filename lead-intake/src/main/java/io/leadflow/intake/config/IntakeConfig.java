package io.leadflow.intake.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of lead-intake, under {@code leadflow.intake}. */
@ConfigMapping(prefix = "leadflow.intake")
public interface IntakeConfig {

    /**
     * The lead sources allowed to post leads, as a comma list of {@code sourceId=<sha256>} where the
     * hash is the lowercase hex SHA-256 of the source's bearer key (env {@code LEADFLOW_INTAKE_SOURCE_KEYS}).
     * Only hashes are configured, never raw keys. When empty, every request is rejected with 401.
     */
    Optional<List<String>> sourceKeys();

    /** ISO 3166 region used to parse phone numbers written without a {@code +country} prefix. */
    @WithDefault("US")
    String defaultCountry();

    /** Time zone of a lead that gave none and whose phone number does not tell one. */
    @WithDefault("America/New_York")
    ZoneId defaultTimeZone();

    /**
     * Base URL of the cadence-engine's public API; the lead's timeline link (body and {@code Location})
     * is {@code <base>/api/leads/<leadId>/timeline} (env {@code LEADFLOW_INTAKE_TIMELINE_BASE_URL}).
     */
    @WithDefault("http://localhost:8081")
    String timelineBaseUrl();

    /**
     * How long a request waits for the broker's acknowledgement before it answers 503. Keep it a little
     * above the producer's {@code delivery.timeout.ms} so the producer's own verdict normally comes first.
     */
    @WithDefault("12s")
    Duration publishTimeout();
}
