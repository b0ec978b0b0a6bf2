package io.leadflow.intake.normalize;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.leadflow.intake.source.AuthenticatedSource;
import io.leadflow.intake.source.SourceSettings;

/**
 * A phone number libphonenumber accepts as valid, read with the current source's default country (else the
 * configured one); null is fine.
 */
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

        @Inject
        AuthenticatedSource source;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return source.current().map(SourceSettings::defaultCountry)
                    .map(region -> phones.normalize(value, region))
                    .orElseGet(() -> phones.normalize(value))
                    .isPresent();
        }
    }
}
