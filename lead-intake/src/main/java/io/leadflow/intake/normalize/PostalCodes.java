package io.leadflow.intake.normalize;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.leadflow.contracts.LeadReceived.PostalCode;

/**
 * Reads a postal code for the source's country: a US ZIP is {@code 12345} or {@code 12345-6789}; any other
 * country's code is a short string of letters and digits, with single spaces or dashes inside
 * ({@code SW1A 1AA}, {@code K1A 0B6}, {@code 1010}).
 */
public final class PostalCodes {

    private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern OTHER = Pattern.compile("[A-Z0-9]+([ -][A-Z0-9]+)*");
    private static final int OTHER_MIN = 2;
    private static final int OTHER_MAX = 10;
    /** Names forms and platforms give a postal code question, letters only: {@code ZIP Code}, {@code post_code}. */
    private static final Set<String> ANSWER_NAMES = Set.of("postalcode", "zip", "zipcode", "postcode", "zippostalcode");

    private PostalCodes() {
    }

    /** Whether a custom answer's name is a postal code question, e.g. {@code ZIP code} or {@code post_code}. */
    public static boolean isAnswerName(String name) {
        return ANSWER_NAMES.contains(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
    }

    public static boolean isValid(String raw, String country) {
        return normalize(raw, country).isPresent();
    }

    /** @return the code, upper case with single spaces, or empty if it is not one for that country */
    public static Optional<PostalCode> normalize(String raw, String country) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        boolean valid = "US".equalsIgnoreCase(country)
                ? US_ZIP.matcher(code).matches()
                : code.length() >= OTHER_MIN && code.length() <= OTHER_MAX && OTHER.matcher(code).matches();
        return valid ? Optional.of(new PostalCode(code, country.toUpperCase(Locale.ROOT))) : Optional.empty();
    }
}
