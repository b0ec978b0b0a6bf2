package io.leadflow.cadence.window;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;

/**
 * The US state of a phone number's area code (libphonenumber's offline geocoder). The geocoder answers
 * a state name ("Florida") or a place with the state's code ("Miami, FL").
 */
public final class UsStates {

    private UsStates() {
    }

    /** @return the two-letter state, when the number is a US number whose area code names one */
    public static Optional<String> ofPhone(String e164) {
        if (e164 == null) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PhoneNumberUtil.getInstance().parse(e164, null);
            if (!"US".equals(PhoneNumberUtil.getInstance().getRegionCodeForNumber(number))) {
                return Optional.empty();
            }
            String place = PhoneNumberOfflineGeocoder.getInstance().getDescriptionForNumber(number, Locale.ENGLISH);
            return stateOf(place);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    static Optional<String> stateOf(String place) {
        if (place == null || place.isBlank()) {
            return Optional.empty();
        }
        int comma = place.lastIndexOf(", ");
        if (comma >= 0 && place.length() - comma == 4) {
            return Optional.of(place.substring(comma + 2).toUpperCase(Locale.ROOT));
        }
        return UsPlaces.table().stateNamed(place.trim());
    }
}
