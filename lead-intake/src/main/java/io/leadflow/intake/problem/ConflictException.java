package io.leadflow.intake.problem;

/** The request conflicts with what exists (a taken id); names the field. */
public class ConflictException extends RuntimeException {

    private final FieldError error;

    public ConflictException(String field, String message) {
        super(message, null, false, false);
        this.error = new FieldError(field, message);
    }

    public FieldError error() {
        return error;
    }
}
