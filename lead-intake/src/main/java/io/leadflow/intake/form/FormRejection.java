package io.leadflow.intake.form;

/**
 * Why a form submission was taken for a bot. The bot sees the same answer as a person; we see the reason in
 * {@code leadflow.intake.rejected{reason}} and in the log.
 */
public enum FormRejection {

    HONEYPOT("honeypot"),
    TOKEN_MISSING("form-token-missing"),
    TOKEN_INVALID("form-token-invalid"),
    TOO_FAST("form-too-fast"),
    TOKEN_EXPIRED("form-token-expired"),
    TOKEN_REUSED("form-token-reused");

    private final String reason;

    FormRejection(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
