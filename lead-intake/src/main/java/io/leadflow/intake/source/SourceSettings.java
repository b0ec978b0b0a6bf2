package io.leadflow.intake.source;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the edge knows about a source while it handles a request: an immutable copy of {@link Source},
 * without any secret.
 *
 * @param defaultCountry  ISO 3166 region for phone numbers without {@code +country}
 * @param defaultTimeZone the time zone of a lead that gives none and whose phone tells none
 * @param consentText     the consent wording the source's form shows; recorded with each form lead
 * @param allowedOrigins  web origins whose JavaScript may post the form (CORS)
 * @param thankYouUrl     where a form post is redirected, or null for the built-in page
 * @param formMinAge      a form posted sooner after it was rendered is a bot
 * @param formMaxAge      a form token older than this is refused (replayed)
 * @param fieldMapping    lead field -> JSON pointer, for generic JSON webhooks
 * @param webhookSigned   generic JSON webhooks must carry a valid {@code Typeform-Signature}
 */
public record SourceSettings(
        String id,
        String name,
        String formKey,
        String defaultCountry,
        ZoneId defaultTimeZone,
        String consentText,
        List<String> allowedOrigins,
        String thankYouUrl,
        RateLimits limits,
        Duration formMinAge,
        Duration formMaxAge,
        boolean metaConfigured,
        Map<String, String> fieldMapping,
        boolean webhookSigned) {

    /**
     * @param leadsPerMinute      per source key
     * @param leadsPerMinutePerIp per client address
     * @param leadsPerHourPerPhone per destination phone: SMS pumping sends many leads to a few numbers
     * @param smsLeadsPerDay      leads with SMS consent per UTC day
     */
    public record RateLimits(int leadsPerMinute, int leadsPerMinutePerIp, int leadsPerHourPerPhone, int smsLeadsPerDay) {
    }

    static SourceSettings of(Source source) {
        List<String> origins = source.allowedOrigins == null || source.allowedOrigins.isBlank() ? List.of()
                : Arrays.stream(source.allowedOrigins.trim().split("\\s+")).toList();
        return new SourceSettings(source.id, source.name, source.formKey, source.defaultCountry,
                ZoneId.of(source.defaultTimeZone), source.consentText, origins, source.thankYouUrl,
                new RateLimits(source.leadsPerMinute, source.leadsPerMinuteIp, source.leadsPerHourPhone,
                        source.smsLeadsPerDay),
                Duration.ofMillis(source.formMinAgeMs), Duration.ofMillis(source.formMaxAgeMs),
                source.metaAppSecret != null, FieldMapping.parse(source.fieldMapping), source.webhookSecret != null);
    }

    public boolean allowsOrigin(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}
