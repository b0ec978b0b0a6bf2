package io.leadflow.intake.lead;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A lead we can reach: it has an email or a phone. Both fields are named in the error. */
@Constraint(validatedBy = ContactRequired.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ContactRequired {

    String message() default "an email or a phone is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ContactRequired, LeadRequest> {

        @Override
        public boolean isValid(LeadRequest lead, ConstraintValidatorContext context) {
            if (lead == null || lead.email() != null || lead.phone() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            String message = context.getDefaultConstraintMessageTemplate();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode("email").addConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode("phone").addConstraintViolation();
            return false;
        }
    }
}
