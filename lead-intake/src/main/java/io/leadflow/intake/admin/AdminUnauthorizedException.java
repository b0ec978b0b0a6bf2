package io.leadflow.intake.admin;

/** The admin API was called without the admin token. */
public class AdminUnauthorizedException extends RuntimeException {

    public AdminUnauthorizedException() {
        super("missing or wrong admin token", null, false, false);
    }
}
