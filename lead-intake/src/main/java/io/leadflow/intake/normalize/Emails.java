package io.leadflow.intake.normalize;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as intake stores them: trimmed, lowercase, and plausibly deliverable. */
public final class Emails {

    /** Stricter than RFC 5322 on purpose: one @, no spaces, a dot in the domain, no dot at its edges. */
    public static final String PATTERN = "^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Emails() {
    }

    public static boolean isValid(String email) {
        return email != null && COMPILED.matcher(email).matches();
    }

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
