package io.leadflow.intake.problem;

/** The addressed resource does not exist; the message is safe to show. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
