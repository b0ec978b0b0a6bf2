package io.leadflow.intake.lead;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.leadflow.intake.normalize.Emails;
import io.leadflow.intake.normalize.PhoneNormalizer;
import io.leadflow.intake.source.AuthenticatedSource;
import io.leadflow.intake.source.SourceSettings;

/**
 * A lead we can reach: a valid email, or a phone libphonenumber reads with the current source's default country
 * (else the configured one). A phone it cannot read does not refuse a lead that has a valid email: the lead is
 * kept with the phone as given and flagged ({@code phoneValid: false}); without one, the phone is named.
 */
@Constraint(validatedBy = ContactRequired.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ContactRequired {

    String message() default "an email or a phone is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ContactRequired, LeadRequest> {

        static final String UNREADABLE_PHONE = "is not a valid phone number";

        @Inject
        PhoneNormalizer phones;

        @Inject
        AuthenticatedSource source;

        @Override
        public boolean isValid(LeadRequest lead, ConstraintValidatorContext context) {
            if (lead == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (lead.email() == null && lead.phone() == null) {
                String message = context.getDefaultConstraintMessageTemplate();
                context.buildConstraintViolationWithTemplate(message).addPropertyNode("email").addConstraintViolation();
                context.buildConstraintViolationWithTemplate(message).addPropertyNode("phone").addConstraintViolation();
                return false;
            }
            if (lead.phone() != null && !Emails.isValid(lead.email()) && !readable(lead.phone())) {
                context.buildConstraintViolationWithTemplate(UNREADABLE_PHONE).addPropertyNode("phone")
                        .addConstraintViolation();
                return false;
            }
            return true;
        }

        private boolean readable(String phone) {
            return source.current().map(SourceSettings::defaultCountry)
                    .map(region -> phones.normalize(phone, region))
                    .orElseGet(() -> phones.normalize(phone))
                    .isPresent();
        }
    }
}
