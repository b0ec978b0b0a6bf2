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

/** A postal code of the current source's default country (else the configured one); null is fine. */
@Constraint(validatedBy = ValidPostalCode.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
public @interface ValidPostalCode {

    String message() default "is not a postal code (a US ZIP is 12345 or 12345-6789; elsewhere 2-10 letters and digits)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPostalCode, String> {

        @Inject
        AuthenticatedSource source;

        @Inject
        PhoneNormalizer phones;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PostalCodes.isValid(value,
                    source.current().map(SourceSettings::defaultCountry).orElseGet(phones::defaultRegion));
        }
    }
}
