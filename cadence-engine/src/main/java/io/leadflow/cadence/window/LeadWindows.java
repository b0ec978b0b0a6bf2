package io.leadflow.cadence.window;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.settings.CadenceSettingsService;
import io.leadflow.contracts.TouchDue.ContactWindow;

/** Where a lead is for contact hours: the places it may be in, its source's holidays. */
@ApplicationScoped
public class LeadWindows {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    private static final String FORM_BASIS = "form";

    private final CadenceSettingsService settings;
    private final ContactWindowPolicy policy;

    LeadWindows(CadenceSettingsService settings, ContactWindowPolicy policy) {
        this.settings = settings;
        this.policy = policy;
    }

    /**
     * Records on a new lead where it may be ({@code contact_places}), the US state they agree on, and why
     * ({@code location_basis}: what the phone and postal code said, and the hours that follow on the day the lead
     * arrived when they disagree).
     */
    public void locate(Lead lead) {
        ZoneId zone = ZoneId.of(lead.timeZone);
        LeadLocation location = LeadLocation.of(zone, FORM_BASIS.equals(lead.timeZoneBasis), lead.phoneE164,
                lead.postalCode, lead.postalCountry);
        lead.usState = location.usState();
        lead.contactPlaces = location.places().stream().map(ContactWindowPolicy.Place::toString)
                .reduce((a, b) -> a + ";" + b).orElseThrow();
        lead.locationBasis = location.basis();
        if (location.ambiguous()) {
            // in the first place's zone: the lead's own when it is one of the places
            ZoneId shown = location.places().get(0).zone();
            ContactWindow today = policy.place(lead.receivedAt.atZone(shown).toLocalDate().atStartOfDay(shown).toInstant(),
                    whereFor(lead)).window();
            lead.locationBasis += ": texts and calls only when " + (location.places().size() == 2 ? "both are" : "all are")
                    + " open, " + local(today.notBefore(), shown) + "–" + local(today.notAfter(), shown) + " " + shown.getId()
                    + " on " + today.notBefore().atZone(shown).toLocalDate();
        }
    }

    public ContactWindowPolicy.Where whereFor(Lead lead) {
        ZoneId zone = ZoneId.of(lead.timeZone);
        List<ContactWindowPolicy.Place> places = lead.contactPlaces == null
                ? List.of(new ContactWindowPolicy.Place(zone, lead.usState)) // a lead from before places were kept
                : Arrays.stream(lead.contactPlaces.split(";")).map(ContactWindowPolicy.Place::parse).toList();
        return new ContactWindowPolicy.Where(zone, places, settings.forSource(lead.sourceId).holidays());
    }

    private static String local(Instant at, ZoneId zone) {
        LocalTime time = at.atZone(zone).toLocalTime();
        return HOURS.format(time);
    }
}
