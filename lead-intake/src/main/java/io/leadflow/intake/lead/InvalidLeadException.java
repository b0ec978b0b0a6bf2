package io.leadflow.intake.lead;

import java.util.List;

import io.leadflow.intake.problem.FieldError;

/** A lead that breaks a rule Bean Validation does not express; names each field at fault. */
public class InvalidLeadException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidLeadException(List<FieldError> errors) {
        super("invalid lead", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
