package io.leadflow.intake.normalize;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.inject.Inject;

/** A phone number libphonenumber accepts as valid (default region from the config); null is fine. */
@Constraint(validatedBy = ValidPhone.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
public @interface ValidPhone {

    String message() default "is not a valid phone number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPhone, String> {

        @Inject
        PhoneNormalizer phones;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || phones.isValid(value);
        }
    }
}
