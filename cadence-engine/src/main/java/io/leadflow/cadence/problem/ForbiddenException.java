package io.leadflow.cadence.problem;

/** An authenticated caller whose role may not do this. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
