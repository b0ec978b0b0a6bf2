package io.leadflow.intake.source;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadflow.intake.config.IntakeConfig;
import io.leadflow.intake.config.IntakeConfig.SourceDefaults;

/** New sources, with the configured defaults for everything the creator did not say. */
@ApplicationScoped
public class SourceFactory {

    @Inject
    IntakeConfig config;

    public Source create(String id, String name, Instant now) {
        SourceDefaults defaults = config.sourceDefaults();
        Source source = new Source();
        source.id = id;
        source.name = name;
        source.formKey = Keys.newFormKey();
        source.defaultCountry = config.defaultCountry();
        source.defaultTimeZone = config.defaultTimeZone().getId();
        source.allowedOrigins = "";
        source.leadsPerMinute = defaults.leadsPerMinute();
        source.leadsPerMinuteIp = defaults.leadsPerMinutePerIp();
        source.leadsPerHourPhone = defaults.leadsPerHourPerPhone();
        source.smsLeadsPerDay = defaults.smsLeadsPerDay();
        source.formMinAgeMs = defaults.formMinAge().toMillis();
        source.formMaxAgeMs = defaults.formMaxAge().toMillis();
        source.createdAt = now;
        source.updatedAt = now;
        return source;
    }
}
