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
     * above the producer's {@code delivery.timeout.ms}, so that the producer has given the record up when the
     * client hears 503 and a retry with the same {@code Idempotency-Key} publishes the lead once.
     */
    @WithDefault("2500ms")
    Duration publishTimeout();

    /**
     * The token of the admin API ({@code /admin/...}), sent as {@code Authorization: Bearer <token>}
     * (env {@code LEADFLOW_INTAKE_ADMIN_TOKEN}). When absent the admin API answers 401 to everyone.
     */
    Optional<String> adminToken();

    /** How long a source's previous key keeps working after a rotation, unless the rotation says otherwise. */
    @WithDefault("24h")
    Duration secretRotationGrace();

    /** How long the first answer to a request with an {@code Idempotency-Key} is remembered. */
    @WithDefault("24h")
    Duration idempotencyLifetime();

    /** How often the in-memory copy of the sources is reloaded (changes made on another instance). */
    @WithDefault("30s")
    Duration sourceRefreshInterval();

    /**
     * Signs the render-time token of HTML forms (env {@code LEADFLOW_INTAKE_FORM_TOKEN_SECRET}). Every
     * instance behind one load balancer needs the same value; when absent a random one is made at start
     * (fine for one instance: a restart only refuses forms rendered before it).
     */
    Optional<String> formTokenSecret();

    /** The public base URL of intake, for the absolute URLs in form pages and snippets. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** The largest request body intake reads; a larger one gets a 413 problem without being read. */
    @WithDefault("65536")
    long maxBodyBytes();

    /** Meta Lead Ads. */
    Meta meta();

    interface Meta {

        /** Graph API base URL, version included (env {@code LEADFLOW_INTAKE_META_GRAPH_BASE_URL}). */
        @WithDefault("https://graph.facebook.com/v21.0")
        String graphBaseUrl();
    }

    /** Settings a new source gets unless its creator says otherwise. */
    SourceDefaults sourceDefaults();

    interface SourceDefaults {

        /** Leads per minute per source key. */
        @WithDefault("600")
        int leadsPerMinute();

        /** Leads per minute per client address. */
        @WithDefault("20")
        int leadsPerMinutePerIp();

        /** Leads per hour to one destination phone number (SMS pumping). */
        @WithDefault("3")
        int leadsPerHourPerPhone();

        /** Leads with SMS consent per source per UTC day. */
        @WithDefault("2000")
        int smsLeadsPerDay();

        /** A form posted sooner than this after it was rendered is taken for a bot. */
        @WithDefault("2s")
        Duration formMinAge();

        /** A form token older than this is refused. */
        @WithDefault("24h")
        Duration formMaxAge();
    }
}
