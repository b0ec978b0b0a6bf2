package io.leadflow.cadence.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ContactWindowPolicyTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final ContactWindowPolicy policy = new ContactWindowPolicy(LocalTime.of(8, 0), LocalTime.of(21, 0));

    @Test
    void shouldKeepATouchWantedInsideTheWindowAtItsTime() {
        Instant wanted = ZonedDateTime.of(2026, 11, 23, 14, 30, 0, 0, NEW_YORK).toInstant();

        ContactWindowPolicy.Placement placement = policy.place(wanted, NEW_YORK);

        assertThat(placement.due()).isEqualTo(wanted);
        assertThat(placement.window().contains(wanted)).isTrue();
        assertThat(placement.window().notAfter()).isEqualTo(ZonedDateTime.of(2026, 11, 23, 21, 0, 0, 0, NEW_YORK).toInstant());
    }

    @Test
    void shouldMoveALateEveningTouchToEightTheNextMorning() {
        Instant wanted = ZonedDateTime.of(2026, 11, 23, 22, 15, 0, 0, NEW_YORK).toInstant();

        ContactWindowPolicy.Placement placement = policy.place(wanted, NEW_YORK);

        assertThat(placement.due()).isEqualTo(ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, NEW_YORK).toInstant());
    }

    @Test
    void shouldMoveAnEarlyMorningTouchToEightTheSameDay() {
        Instant wanted = ZonedDateTime.of(2026, 11, 23, 5, 59, 0, 0, NEW_YORK).toInstant();

        assertThat(policy.place(wanted, NEW_YORK).due())
                .isEqualTo(ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, NEW_YORK).toInstant());
    }

    @Test
    void shouldOpenAtEightLocalTimeOnTheDayDaylightSavingTimeStarts() {
        // 2026-03-08: clocks jump from 02:00 to 03:00 in New York
        Instant wanted = ZonedDateTime.of(2026, 3, 8, 1, 30, 0, 0, NEW_YORK).toInstant();

        Instant due = policy.place(wanted, NEW_YORK).due();

        assertThat(due.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(due).isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
    }

    @Test
    void shouldTreatTheClosingMinuteAsClosed() {
        Instant wanted = ZonedDateTime.of(2026, 11, 23, 21, 0, 0, 0, NEW_YORK).toInstant();

        assertThat(policy.place(wanted, NEW_YORK).due().atZone(NEW_YORK).getDayOfMonth()).isEqualTo(24);
    }

    private final ContactWindowPolicy withStates = new ContactWindowPolicy(LocalTime.of(8, 0), LocalTime.of(21, 0),
            ContactWindowPolicyProducer.usStates());

    @Test
    void shouldCloseAtEightInTheEveningInFloridaAndTheOtherStrictStates() {
        ZoneId eastern = NEW_YORK;
        Instant wanted = ZonedDateTime.of(2026, 11, 23, 20, 30, 0, 0, eastern).toInstant();

        for (String state : new String[] { "FL", "OK", "MD", "MS", "NJ" }) {
            ContactWindowPolicy.Placement placement = withStates.place(wanted, where(eastern, state));
            assertThat(placement.due()).as(state).isEqualTo(ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, eastern).toInstant());
            assertThat(placement.moved()).isTrue();
        }
        assertThat(withStates.place(wanted, where(eastern, "NY")).due()).isEqualTo(wanted);
    }

    @Test
    void shouldOpenAtNineInConnecticut() {
        Instant wanted = ZonedDateTime.of(2026, 11, 23, 8, 30, 0, 0, NEW_YORK).toInstant();

        assertThat(withStates.place(wanted, where(NEW_YORK, "CT")).due())
                .isEqualTo(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, NEW_YORK).toInstant());
    }

    @Test
    void shouldOpenAtNoonOnSundaysAndAtNineOnOtherDaysInTexas() {
        ZoneId central = ZoneId.of("America/Chicago");
        Instant saturdayNight = ZonedDateTime.of(2026, 11, 28, 21, 30, 0, 0, central).toInstant();
        Instant mondayEarly = ZonedDateTime.of(2026, 11, 30, 8, 30, 0, 0, central).toInstant();

        assertThat(withStates.place(saturdayNight, where(central, "TX")).due())
                .isEqualTo(ZonedDateTime.of(2026, 11, 29, 12, 0, 0, 0, central).toInstant());
        assertThat(withStates.place(mondayEarly, where(central, "TX")).due())
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, central).toInstant());
    }

    @Test
    void shouldSkipHolidaysLikeClosedHours() {
        Instant christmasEve = ZonedDateTime.of(2026, 12, 24, 21, 30, 0, 0, NEW_YORK).toInstant();
        var where = new ContactWindowPolicy.Where(NEW_YORK, (String) null,
                Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));

        assertThat(withStates.place(christmasEve, where).due())
                .isEqualTo(ZonedDateTime.of(2026, 12, 27, 8, 0, 0, 0, NEW_YORK).toInstant());
    }

    @Test
    void shouldPlaceAnEveningTouchOnceAtEightLocalAcrossBothDaylightSavingSwitches() {
        // 2027-03-14 New York springs forward (EST -> EDT); 2027-11-07 falls back (EDT -> EST)
        Instant beforeSpring = ZonedDateTime.of(2027, 3, 13, 22, 0, 0, 0, NEW_YORK).toInstant();
        Instant beforeFall = ZonedDateTime.of(2027, 11, 6, 22, 0, 0, 0, NEW_YORK).toInstant();

        assertThat(withStates.place(beforeSpring, where(NEW_YORK, null)).due()).isEqualTo(Instant.parse("2027-03-14T12:00:00Z"));
        assertThat(withStates.place(beforeFall, where(NEW_YORK, null)).due()).isEqualTo(Instant.parse("2027-11-07T13:00:00Z"));
        // placing the placed time again keeps it: a re-plan never moves a touch twice
        Instant placed = withStates.place(beforeFall, where(NEW_YORK, null)).due();
        assertThat(withStates.place(placed, where(NEW_YORK, null)).due()).isEqualTo(placed);
    }

    private static ContactWindowPolicy.Where where(ZoneId zone, String state) {
        return new ContactWindowPolicy.Where(zone, state, Set.of());
    }
}
