package io.leadflow.intake.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadflow.intake.config.IntakeConfig;
import io.quarkus.logging.Log;

/** Creates, changes and re-keys sources; the directory is reloaded after each change. */
@ApplicationScoped
public class SourceAdminService {

    @Inject
    SourceFactory factory;

    @Inject
    SourceDirectory directory;

    @Inject
    IntakeConfig config;

    @Inject
    Clock clock;

    /** A new source and its first key; empty when the id is taken. */
    public Optional<Created> create(SourceRequest request) {
        Optional<Created> created = createInTransaction(request);
        directory.reload();
        created.ifPresent(c -> Log.infof("Source %s created", c.source().id()));
        return created;
    }

    /** The changed source; empty when there is no such source. */
    public Optional<SourceSettings> update(String id, SourceRequest request) {
        boolean found = updateInTransaction(id, request);
        directory.reload();
        return found ? directory.byId(id) : Optional.empty();
    }

    /**
     * A new key for the source; its current keys keep working until {@code grace} has passed (zero revokes them
     * at once). Empty when there is no such source.
     */
    public Optional<Created> rotate(String id, Duration grace) {
        Optional<Created> rotated = rotateInTransaction(id, grace == null ? config.secretRotationGrace() : grace);
        directory.reload();
        rotated.ifPresent(r -> Log.infof("Source %s got a new key; previous keys valid until %s", id,
                r.previousKeysValidUntil()));
        return rotated;
    }

    public Optional<SourceSettings> find(String id) {
        return directory.byId(id);
    }

    public List<SourceSettings> all() {
        return directory.all();
    }

    @Transactional
    Optional<Created> createInTransaction(SourceRequest request) {
        if (Source.findById(request.id()) != null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Source source = factory.create(request.id(), request.name(), now);
        apply(source, request);
        source.persist();
        String key = addKey(source.id, now);
        return Optional.of(new Created(SourceSettings.of(source), key, null));
    }

    @Transactional
    boolean updateInTransaction(String id, SourceRequest request) {
        Source source = Source.findById(id);
        if (source == null) {
            return false;
        }
        apply(source, request);
        source.updatedAt = clock.instant();
        return true;
    }

    @Transactional
    Optional<Created> rotateInTransaction(String id, Duration grace) {
        Source source = Source.findById(id);
        if (source == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant until = now.plus(grace);
        for (SourceSecret secret : SourceSecret.ofSource(id)) {
            if (secret.expiresAt == null || secret.expiresAt.isAfter(until)) {
                secret.expiresAt = until;
            }
        }
        String key = addKey(id, now);
        return Optional.of(new Created(SourceSettings.of(source), key, until));
    }

    private static String addKey(String sourceId, Instant now) {
        String key = Keys.newSourceKey();
        SourceSecret secret = new SourceSecret();
        secret.keyHash = Keys.hashOf(key);
        secret.sourceId = sourceId;
        secret.origin = SourceSecret.ORIGIN_ADMIN;
        secret.createdAt = now;
        secret.persist();
        return key;
    }

    private static void apply(Source source, SourceRequest request) {
        if (request.name() != null) {
            source.name = request.name().strip();
        }
        if (request.defaultCountry() != null) {
            source.defaultCountry = request.defaultCountry().toUpperCase(Locale.ROOT);
        }
        if (request.defaultTimeZone() != null) {
            source.defaultTimeZone = request.defaultTimeZone();
        }
        if (request.consentText() != null) {
            source.consentText = request.consentText().isBlank() ? null : request.consentText().strip();
        }
        if (request.allowedOrigins() != null) {
            source.allowedOrigins = String.join(" ", request.allowedOrigins());
        }
        if (request.thankYouUrl() != null) {
            source.thankYouUrl = request.thankYouUrl();
        }
        if (request.formMinAgeSeconds() != null) {
            source.formMinAgeMs = request.formMinAgeSeconds() * 1000L;
        }
        if (request.formMaxAgeSeconds() != null) {
            source.formMaxAgeMs = request.formMaxAgeSeconds() * 1000L;
        }
        if (request.metaAppSecret() != null) {
            source.metaAppSecret = request.metaAppSecret();
        }
        if (request.metaPageAccessToken() != null) {
            source.metaPageAccessToken = request.metaPageAccessToken();
        }
        if (request.fieldMapping() != null) {
            source.fieldMapping = FieldMapping.toJson(request.fieldMapping());
        }
        if (request.webhookSecret() != null) {
            source.webhookSecret = request.webhookSecret();
        }
        SourceRequest.Limits limits = request.limits();
        if (limits != null) {
            if (limits.leadsPerMinute() != null) {
                source.leadsPerMinute = limits.leadsPerMinute();
            }
            if (limits.leadsPerMinutePerIp() != null) {
                source.leadsPerMinuteIp = limits.leadsPerMinutePerIp();
            }
            if (limits.leadsPerHourPerPhone() != null) {
                source.leadsPerHourPhone = limits.leadsPerHourPerPhone();
            }
            if (limits.smsLeadsPerDay() != null) {
                source.smsLeadsPerDay = limits.smsLeadsPerDay();
            }
        }
    }

    /** A source and a key just made for it. */
    public record Created(SourceSettings source, String key, Instant previousKeysValidUntil) {
    }
}
