package io.leadflow.intake.source;

/** The request carried no source key, or one that matches no configured source. */
public class UnauthorizedSourceException extends RuntimeException {

    public UnauthorizedSourceException() {
        super("missing or unknown source key", null, false, false);
    }
}
