package io.leadflow.intake.lead;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A lead we can address by name: it has a fullName or a firstName. */
@Constraint(validatedBy = NameRequired.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NameRequired {

    String message() default "a name is required (fullName or firstName)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NameRequired, LeadRequest> {

        @Override
        public boolean isValid(LeadRequest lead, ConstraintValidatorContext context) {
            if (lead == null || lead.fullName() != null || lead.firstName() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            String message = context.getDefaultConstraintMessageTemplate();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode("fullName").addConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode("firstName").addConstraintViolation();
            return false;
        }
    }
}
