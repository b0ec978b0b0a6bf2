package io.leadflow.intake.lead;

import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import io.leadflow.intake.problem.FieldError;
import io.leadflow.intake.problem.ProblemMappers;

/**
 * Validates a lead read from another format (a form, a platform's webhook) by the rules of {@code POST /api/leads},
 * naming each field as that format calls it.
 */
@ApplicationScoped
public class LeadValidation {

    @Inject
    Validator validator;

    /** @param fieldName the format's name for a JSON path of the lead format */
    public void validate(LeadRequest lead, UnaryOperator<String> fieldName) {
        List<FieldError> errors = validator.validate(lead).stream()
                .map(v -> new FieldError(fieldName.apply(ProblemMappers.jsonPath(v.getPropertyPath())), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidLeadException(errors);
        }
    }
}
