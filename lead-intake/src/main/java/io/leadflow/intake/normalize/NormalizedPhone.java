package io.leadflow.intake.normalize;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A valid phone number.
 *
 * @param e164         the number in E.164, e.g. {@code +14155550123}
 * @param geographical whether the number belongs to a place (a toll-free number does not)
 */
public record NormalizedPhone(String e164, PhoneNumber number, boolean geographical) {

    @Override
    public String toString() {
        return "NormalizedPhone[redacted]"; // keeps the number out of logs
    }
}
