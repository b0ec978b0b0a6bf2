package io.leadflow.cadence.window;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import io.leadflow.cadence.window.ContactWindowPolicy.Place;

/**
 * Where a lead may be, from what we know: the phone's area code (its zones, libphonenumber's time-zone mapper,
 * and its US state), the US postal code (its state and that state's zones, {@link UsPlaces}), and the zone the
 * form sent. When the phone and the postal code name the same state, the area code (finer) says where; when they
 * disagree, or the area code spans two zones, every candidate is kept and a touch must suit all of them. A zone
 * from the form is the lead's own clock: it replaces the candidates' zones, their states' hours still apply.
 *
 * @param places where the lead may be; the first is in the lead's own zone when that is one of them
 * @param basis  what told us, for the timeline, e.g. {@code phone area code 305 says FL (America/New_York)}
 */
public record LeadLocation(List<Place> places, String basis) {

    private static final String UNKNOWN_ZONE = "Etc/Unknown";

    /** Whether the lead may be in places with different hours: touches go in the intersection of their windows. */
    public boolean ambiguous() {
        return places.size() > 1;
    }

    /** The US state every candidate agrees on, else null. */
    public String usState() {
        Set<String> states = places.stream().map(Place::usState).collect(Collectors.toSet());
        return states.size() == 1 ? states.iterator().next() : null;
    }

    /**
     * @param leadZone       the zone intake chose for the lead
     * @param zoneFromForm   whether the lead's form sent that zone
     * @param phoneE164      the lead's valid phone, or null
     * @param postalCode     the lead's postal code, or null
     * @param postalCountry  the country of the postal code (only US codes are looked up), or null
     */
    public static LeadLocation of(ZoneId leadZone, boolean zoneFromForm, String phoneE164, String postalCode,
            String postalCountry) {
        Candidate phone = phone(phoneE164);
        Candidate postal = "US".equals(postalCountry) ? usPostal(postalCode) : null;
        List<String> said = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        if (phone != null) {
            said.add(phone.said());
            places.addAll(phone.places());
        }
        if (postal != null) {
            said.add(postal.said());
            boolean agree = phone != null && phone.state() != null && phone.state().equals(postal.state());
            if (!agree) {
                places.addAll(postal.places());
            }
        }
        if (zoneFromForm) {
            said.add("the form's time zone " + leadZone.getId() + " is the lead's clock");
            places = places.stream().map(place -> new Place(leadZone, place.usState())).toList();
        }
        if (places.isEmpty()) {
            said.add("nothing else tells where: the lead's time zone " + leadZone.getId());
            places = List.of(new Place(leadZone, null));
        }
        List<Place> distinct = new ArrayList<>(new LinkedHashSet<>(places));
        distinct.stream().filter(place -> place.zone().equals(leadZone)).findFirst().ifPresent(own -> {
            distinct.remove(own);
            distinct.add(0, own);
        });
        return new LeadLocation(List.copyOf(distinct), String.join(", ", said));
    }

    private static Candidate phone(String e164) {
        if (e164 == null) {
            return null;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumber number;
        try {
            number = util.parse(e164, null);
        } catch (NumberParseException e) {
            return null;
        }
        List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number);
        // a non-geographical number (US toll-free lists every zone from Adak to Guam) says nothing
        if (!util.isNumberGeographical(number) || zones.isEmpty() || zones.contains(UNKNOWN_ZONE)) {
            return null;
        }
        String state = UsStates.ofPhone(e164).orElse(null);
        String what = number.getCountryCode() == 1
                ? "phone area code " + String.valueOf(number.getNationalNumber()).substring(0, 3)
                : "phone country code +" + number.getCountryCode();
        return Candidate.of(what, state, zones.stream().map(ZoneId::of).toList());
    }

    private static Candidate usPostal(String zip) {
        Optional<String> state = UsPlaces.table().stateOfZip(zip);
        return state.map(code -> Candidate.of("postal code " + zip, code, UsPlaces.table().zonesOf(code))).orElse(null);
    }

    private record Candidate(String said, String state, List<Place> places) {

        static Candidate of(String what, String state, List<ZoneId> zones) {
            String where = zones.stream().map(ZoneId::getId).collect(Collectors.joining(" or "));
            return new Candidate(what + " says " + (state == null ? where : state + " (" + where + ")"), state,
                    zones.stream().map(zone -> new Place(zone, state)).toList());
        }
    }
}
