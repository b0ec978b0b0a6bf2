package io.leadflow.intake.lead;

/** An {@code Idempotency-Key} was used again with a different body. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException() {
        super("Idempotency-Key reused with another body", null, false, false);
    }
}
