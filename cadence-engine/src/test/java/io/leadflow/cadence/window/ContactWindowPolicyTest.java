package io.leadflow.cadence.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

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
}
