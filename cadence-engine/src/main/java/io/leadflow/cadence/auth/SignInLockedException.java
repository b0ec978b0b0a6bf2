package io.leadflow.cadence.auth;

/** Too many failed sign-ins for this email lately; see {@link SignInThrottle}. */
public class SignInLockedException extends RuntimeException {

    public SignInLockedException() {
        super("Too many failed sign-ins; try again later");
    }
}
