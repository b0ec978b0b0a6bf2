package io.leadflow.cadence.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.leadflow.cadence.window.ContactWindowPolicy.Place;
import io.leadflow.cadence.window.ContactWindowPolicy.Placement;
import io.leadflow.cadence.window.ContactWindowPolicy.Where;

/** Where a lead may be (phone, postal code, form), and touches placed where every candidate's window is open. */
class AmbiguousLocationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    private static final ZoneId ND_CENTER = ZoneId.of("America/North_Dakota/Center");

    private final ContactWindowPolicy policy = new ContactWindowPolicy(LocalTime.of(8, 0), LocalTime.of(21, 0),
            ContactWindowPolicyProducer.usStates());

    @Test
    void shouldKeepEveryPlaceWhenThePhoneSaysFloridaAndThePostalCodeTexas() {
        LeadLocation location = LeadLocation.of(NEW_YORK, false, "+13055550123", "75001", "US");

        assertThat(location.places()).containsExactly(new Place(NEW_YORK, "FL"), new Place(CHICAGO, "TX"),
                new Place(DENVER, "TX"));
        assertThat(location.ambiguous()).isTrue();
        assertThat(location.usState()).isNull();
        assertThat(location.basis()).isEqualTo("phone area code 305 says FL (America/New_York), "
                + "postal code 75001 says TX (America/Chicago or America/Denver)");
    }

    @ParameterizedTest(name = "wanted {0}: due {1}, window until {2}")
    @CsvSource({
            // Thursday 08:30 in Miami: Texas opens at 09:00, in El Paso (Mountain) an hour after Dallas
            "2026-12-03T13:30:00Z, 2026-12-03T16:00:00Z, 2026-12-04T01:00:00Z",
            // Thursday 15:00 in Miami: all open; Florida closes first, at 20:00 Eastern
            "2026-12-03T20:00:00Z, 2026-12-03T20:00:00Z, 2026-12-04T01:00:00Z",
            // Thursday 20:30 in Miami: Florida has closed, the next day when all are open
            "2026-12-04T01:30:00Z, 2026-12-04T16:00:00Z, 2026-12-05T01:00:00Z",
            // Sunday 08:00 in Miami: Texas opens at noon on Sundays (Mountain noon = 14:00 Eastern)
            "2026-12-06T13:00:00Z, 2026-12-06T19:00:00Z, 2026-12-07T01:00:00Z" })
    void shouldPlaceATouchWhenFloridaAndTexasAreBothOpen(String wanted, String due, String closes) {
        Where where = where(LeadLocation.of(NEW_YORK, false, "+13055550123", "75001", "US"));

        Placement placement = policy.place(Instant.parse(wanted), where);

        assertThat(placement.due()).isEqualTo(Instant.parse(due));
        assertThat(placement.window().notAfter()).isEqualTo(Instant.parse(closes));
        assertThat(placement.window().contains(placement.due())).isTrue();
        assertThat(placement.moved()).isEqualTo(!wanted.equals(due));
    }

    @Test
    void shouldKeepToTheHoursBothZonesOfATwoZoneAreaCodeAllow() {
        LeadLocation location = LeadLocation.of(DENVER, false, "+16055550123", null, null);
        assertThat(location.places()).containsExactly(new Place(DENVER, "SD"), new Place(ND_CENTER, "SD"));

        // Thursday 07:30 Mountain: Central is open at 08:00 Central, Mountain only at 08:00 Mountain
        Placement placement = policy.place(Instant.parse("2026-12-03T14:30:00Z"), where(location));

        assertThat(placement.due()).isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        // and it closes at 21:00 Central, 20:00 Mountain
        assertThat(placement.window().notAfter()).isEqualTo(Instant.parse("2026-12-04T03:00:00Z"));
    }

    @ParameterizedTest(name = "phone {0}, postal code {1}")
    @CsvSource({
            "+13055550123, 33101, America/New_York, FL",
            "+14155550123, 94110-1234, America/Los_Angeles, CA",
            "+19155550123, 79901, America/Denver, TX" })
    void shouldGiveThePlainWindowWhenThePhoneAndPostalCodeAgree(String phone, String zip, String zone, String state) {
        ZoneId own = ZoneId.of(zone);
        LeadLocation location = LeadLocation.of(own, false, phone, zip, "US");

        assertThat(location.places()).containsExactly(new Place(own, state));
        assertThat(location.ambiguous()).isFalse();
        assertThat(location.basis()).contains("postal code " + zip + " says " + state);
        Instant evening = LocalDate.of(2026, 12, 3).atTime(19, 30).atZone(own).toInstant();
        assertThat(policy.place(evening, where(location))).isEqualTo(policy.place(evening, new Where(own, state, Set.of())));
    }

    @ParameterizedTest(name = "wanted {0} (Phoenix {1}): due {2}")
    @CsvSource({
            // Saturday before the switch: Denver on MST, the same clock as Phoenix; 20:30 is open in both
            "2027-03-14T03:30:00Z, Sat 20:30, 2027-03-14T03:30:00Z",
            // Sunday after Denver sprang forward: 08:30 in Phoenix is 09:30 in Denver, open in both
            "2027-03-14T15:30:00Z, Sun 08:30, 2027-03-14T15:30:00Z",
            // Sunday 20:30 in Phoenix is 21:30 in Denver: closed there, so Monday 08:00 Phoenix (09:00 Denver)
            "2027-03-15T03:30:00Z, Sun 20:30, 2027-03-15T15:00:00Z",
            // Sunday 07:30 in Phoenix is 08:30 in Denver: Phoenix opens at 08:00 its time
            "2027-03-14T14:30:00Z, Sun 07:30, 2027-03-14T15:00:00Z" })
    void shouldFollowTheZoneWithDaylightSavingAcrossItsSwitchWhenTheOtherHasNone(String wanted, String phoenix, String due) {
        LeadLocation location = LeadLocation.of(PHOENIX, false, "+19285550123", "80202", "US");
        assertThat(location.places()).containsExactly(new Place(PHOENIX, "AZ"), new Place(DENVER, "CO"));

        Placement placement = policy.place(Instant.parse(wanted), where(location));

        assertThat(placement.due()).isEqualTo(Instant.parse(due));
        // placing the placed time again keeps it: a re-plan never moves a touch twice
        assertThat(policy.place(placement.due(), where(location)).due()).isEqualTo(placement.due());
    }

    @Test
    void shouldUseTheFormZoneAsTheClockAndStillKeepToBothStatesHours() {
        LeadLocation location = LeadLocation.of(CHICAGO, true, "+13055550123", "75001", "US");

        assertThat(location.places()).containsExactly(new Place(CHICAGO, "FL"), new Place(CHICAGO, "TX"));
        assertThat(location.basis()).endsWith("the form's time zone America/Chicago is the lead's clock");
        Placement placement = policy.place(Instant.parse("2026-12-03T14:30:00Z"), where(location));
        assertThat(placement.window().notBefore()).isEqualTo(Instant.parse("2026-12-03T15:00:00Z")); // 09:00 Texas
        assertThat(placement.window().notAfter()).isEqualTo(Instant.parse("2026-12-04T02:00:00Z")); // 20:00 Florida
    }

    @Test
    void shouldFallBackToTheLeadsZoneWhenNothingTellsWhere() {
        LeadLocation tollFree = LeadLocation.of(NEW_YORK, false, "+18005550123", null, null);
        LeadLocation abroad = LeadLocation.of(NEW_YORK, false, null, "SW1A 1AA", "GB");

        assertThat(tollFree.places()).containsExactly(new Place(NEW_YORK, null));
        assertThat(abroad.places()).containsExactly(new Place(NEW_YORK, null));
        assertThat(tollFree.basis()).isEqualTo("nothing else tells where: the lead's time zone America/New_York");
    }

    @Test
    void shouldFallBackToTheFirstPlaceWhenThePlacesAreNeverOpenTogether() {
        // two hours a day: 13:00-15:00 UTC in New York, 02:30-04:30 UTC in Kolkata
        ContactWindowPolicy narrow = new ContactWindowPolicy(LocalTime.of(8, 0), LocalTime.of(10, 0));
        Where apart = new Where(NEW_YORK, List.of(new Place(NEW_YORK, null), new Place(ZoneId.of("Asia/Kolkata"), null)),
                Set.of());
        Instant wanted = Instant.parse("2026-12-03T16:00:00Z");

        assertThat(narrow.place(wanted, apart).due()).isEqualTo(Instant.parse("2026-12-04T13:00:00Z"));
    }

    @Test
    void shouldFindTheStateOfAZipPrefixFromTheTable() {
        assertThat(UsPlaces.table().stateOfZip("75001")).contains("TX");
        assertThat(UsPlaces.table().stateOfZip("73301")).contains("TX");
        assertThat(UsPlaces.table().stateOfZip("73101")).contains("OK");
        assertThat(UsPlaces.table().stateOfZip("06103-1234")).contains("CT");
        assertThat(UsPlaces.table().stateOfZip("09012")).as("an overseas military ZIP").isEmpty();
        assertThat(UsPlaces.table().zonesOf("AZ")).containsExactly(PHOENIX);
        assertThat(UsPlaces.table().stateNamed("South Dakota")).contains("SD");
    }

    private static Where where(LeadLocation location) {
        return new Where(location.places().get(0).zone(), location.places(), Set.of());
    }
}
