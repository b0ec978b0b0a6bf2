package io.leadflow.intake.normalize;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import io.leadflow.intake.config.IntakeConfig;

/** Parses what a person typed as a phone number into E.164, with libphonenumber. */
@ApplicationScoped
public class PhoneNormalizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    @Inject
    public PhoneNormalizer(IntakeConfig config) {
        this(config.defaultCountry());
    }

    /** @param defaultRegion ISO 3166 region for numbers written without {@code +country} */
    public PhoneNormalizer(String defaultRegion) {
        if (!isSupportedRegion(defaultRegion)) {
            throw new IllegalArgumentException("leadflow.intake.default-country: unknown region " + defaultRegion);
        }
        this.defaultRegion = defaultRegion.trim().toUpperCase(Locale.ROOT);
    }

    /** The configured country of leads whose source has none, e.g. {@code US}. */
    public String defaultRegion() {
        return defaultRegion;
    }

    public static boolean isSupportedRegion(String region) {
        return region != null && PHONES.getSupportedRegions().contains(region.trim().toUpperCase(Locale.ROOT));
    }

    /** The number, if it parses and is a valid number for its region. */
    public Optional<NormalizedPhone> normalize(String raw) {
        return normalize(raw, defaultRegion);
    }

    /** The number, read with this region for numbers without {@code +country}. */
    public Optional<NormalizedPhone> normalize(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(raw, region.toUpperCase(Locale.ROOT));
            if (!PHONES.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(new NormalizedPhone(PHONES.format(number, PhoneNumberFormat.E164), number,
                    PHONES.isNumberGeographical(number)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
