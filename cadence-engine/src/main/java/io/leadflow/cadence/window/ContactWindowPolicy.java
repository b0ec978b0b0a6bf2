package io.leadflow.cadence.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.leadflow.contracts.TouchDue.ContactWindow;

/** Places a touch that must reach a phone inside the lead's local contact window. */
public class ContactWindowPolicy {

    private final LocalTime opens;
    private final LocalTime closes;

    public ContactWindowPolicy(LocalTime opens, LocalTime closes) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("The contact window must open before it closes");
        }
        this.opens = opens;
        this.closes = closes;
    }

    /** A touch planned for {@code wanted}: moved to the next opening if the window is closed then. */
    public Placement place(Instant wanted, ZoneId zone) {
        ZonedDateTime local = wanted.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(closes)) {
            day = day.plusDays(1);
        }
        Instant windowOpens = day.atTime(opens).atZone(zone).toInstant();
        Instant windowCloses = day.atTime(closes).atZone(zone).toInstant();
        Instant due = wanted.isBefore(windowOpens) ? windowOpens : wanted;
        return new Placement(due, new ContactWindow(windowOpens, windowCloses));
    }

    /** @param due when to send; equal to the wanted time when the window was open then */
    public record Placement(Instant due, ContactWindow window) {
    }
}
