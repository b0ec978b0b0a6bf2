package io.leadflow.intake.lead;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import io.leadflow.intake.normalize.Emails;
import io.leadflow.intake.normalize.ValidPostalCode;
import io.leadflow.intake.normalize.ValidTimeZone;

/**
 * The body of {@code POST /api/leads}: what a web form or lead-source webhook sends. Text is trimmed and
 * blank text counts as absent before validation runs. Unknown fields are ignored.
 *
 * @param timeZone   an IANA zone id such as {@code America/Chicago}, when the form knows it
 * @param postalCode where the lead lives, a postal code of the source's default country
 * @param utm      campaign parameters of the page the form was on
 * @param test     a test lead is stored and shown but never messages anyone
 */
@ContactRequired
@NameRequired
public record LeadRequest(
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 200) String fullName,
        @Size(max = 254) @Email(regexp = Emails.PATTERN) String email,
        @Size(max = 40) String phone,
        @Size(max = 2000) String message,
        @Size(max = 64) @ValidTimeZone String timeZone,
        @Size(max = 20) @ValidPostalCode String postalCode,
        @Valid InterestRequest interest,
        @Size(max = 20) Map<@Size(max = 64) String, @Size(max = 500) String> utm,
        @Valid ConsentRequest consent,
        Boolean test) {

    public LeadRequest {
        firstName = Text.clean(firstName);
        lastName = Text.clean(lastName);
        fullName = Text.clean(fullName);
        email = Text.clean(email);
        phone = Text.clean(phone);
        message = Text.clean(message);
        timeZone = Text.clean(timeZone);
        postalCode = Text.clean(postalCode);
        utm = Text.clean(utm);
    }

    /** What the lead told us they want. */
    public record InterestRequest(
            @Size(max = 200) String community,
            @Size(max = 200) String product,
            @Size(max = 200) String homeSize,
            @Size(max = 200) String budget,
            @Size(max = 200) String timeline,
            @Size(max = 200) String heardAbout,
            @Size(max = 30) Map<@Size(max = 100) String, @Size(max = 1000) String> custom) {

        public InterestRequest {
            community = Text.clean(community);
            product = Text.clean(product);
            homeSize = Text.clean(homeSize);
            budget = Text.clean(budget);
            timeline = Text.clean(timeline);
            heardAbout = Text.clean(heardAbout);
            custom = Text.clean(custom);
        }
    }

    /**
     * What the lead agreed to on the form. Absent consent is no consent.
     *
     * @param text    the consent wording shown on the form
     * @param pageUrl the page the form was on
     */
    public record ConsentRequest(
            Boolean sms,
            Boolean email,
            @Size(max = 2000) String text,
            @Size(max = 2000) String pageUrl) {

        public ConsentRequest {
            text = Text.clean(text);
            pageUrl = Text.clean(pageUrl);
        }
    }
}
