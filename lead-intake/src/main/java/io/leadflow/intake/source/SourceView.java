package io.leadflow.intake.source;

import java.util.List;
import java.util.Map;

/**
 * A source as the admin API shows it: settings and public URLs, never a key, the Meta app secret or the webhook secret.
 *
 * @param formUrl    where the source's HTML form posts ({@code POST}) and its sample page is ({@code GET})
 * @param snippetUrl an embeddable form snippet a site owner can paste
 */
public record SourceView(
        String id,
        String name,
        String formKey,
        String defaultCountry,
        String defaultTimeZone,
        String consentText,
        List<String> allowedOrigins,
        String thankYouUrl,
        SourceSettings.RateLimits limits,
        long formMinAgeSeconds,
        long formMaxAgeSeconds,
        boolean metaConfigured,
        Map<String, String> fieldMapping,
        boolean webhookSigned,
        String formUrl,
        String snippetUrl) {

    static SourceView of(SourceSettings source, String publicBaseUrl) {
        String formUrl = publicBaseUrl.replaceAll("/+$", "") + "/f/" + source.formKey();
        return new SourceView(source.id(), source.name(), source.formKey(), source.defaultCountry(),
                source.defaultTimeZone().getId(), source.consentText(), source.allowedOrigins(), source.thankYouUrl(),
                source.limits(), source.formMinAge().toSeconds(), source.formMaxAge().toSeconds(),
                source.metaConfigured(), source.fieldMapping(), source.webhookSigned(), formUrl, formUrl + "/snippet");
    }

    /** The answer to a create or a key rotation: the new key is shown this once and never stored in clear. */
    public record WithKey(SourceView source, String key, java.time.Instant previousKeysValidUntil) {
    }
}
