package io.leadflow.intake.source;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.leadflow.intake.normalize.ValidRegion;
import io.leadflow.intake.normalize.ValidTimeZone;

/**
 * The settings of a source, as the admin API takes them. On create only {@code id} and {@code name} are
 * required; on update ({@code PATCH}) an absent field is left as it is. Explicit fields only: nothing else
 * about a source can be set from a request.
 *
 * @param metaAppSecret       the Meta app secret that signs Lead Ads webhooks; write-only, never returned
 * @param metaPageAccessToken the page access token that reads Meta leads from the Graph API; write-only
 * @param fieldMapping        for {@code POST /webhooks/json/{id}}: lead field -> JSON pointer into the sender's body
 * @param webhookSecret       the secret a generic JSON sender signs with ({@code Typeform-Signature}); write-only
 */
public record SourceRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be 1-64 of a-z 0-9 . _ - (starting with a letter or digit)") String id,
        @Size(min = 1, max = 200) String name,
        @ValidRegion String defaultCountry,
        @ValidTimeZone String defaultTimeZone,
        @Size(max = 2000) String consentText,
        @Size(max = 20) List<@Pattern(regexp = ORIGIN, message = "must be an origin such as https://homes.example") String> allowedOrigins,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String thankYouUrl,
        @Valid Limits limits,
        @Min(0) @Max(3600) Integer formMinAgeSeconds,
        @Min(60) @Max(2_592_000) Integer formMaxAgeSeconds,
        @Size(min = 8, max = 200) String metaAppSecret,
        @Size(min = 8, max = 1000) String metaPageAccessToken,
        @Size(max = 50) Map<@Pattern(regexp = FieldMapping.TARGET, message = FieldMapping.TARGET_RULE) String,
                @NotNull @Size(max = 500) @Pattern(regexp = FieldMapping.POINTER, message = "must be a JSON pointer such as /form_response/token") String> fieldMapping,
        @Size(min = 8, max = 200) String webhookSecret) {

    static final String ORIGIN = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?";

    /** Rate limits; a benchmark source raises them. */
    public record Limits(
            @Min(1) @Max(1_000_000) Integer leadsPerMinute,
            @Min(1) @Max(1_000_000) Integer leadsPerMinutePerIp,
            @Min(1) @Max(1_000_000) Integer leadsPerHourPerPhone,
            @Min(0) @Max(10_000_000) Integer smsLeadsPerDay) {
    }
}
