package io.leadflow.cadence.problem;

/** A valid caller whose role may not do this. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
