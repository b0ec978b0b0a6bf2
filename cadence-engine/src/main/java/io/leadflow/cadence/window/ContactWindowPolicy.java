package io.leadflow.cadence.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

import io.leadflow.contracts.TouchDue.ContactWindow;

/**
 * Places a touch that must reach a phone inside the lead's local contact window: the default hours,
 * a US state's stricter ones, and no holidays. Pure: the rules are data and time is passed in.
 */
public class ContactWindowPolicy {

    /** A window is looked for this many days ahead at most (holidays can close several in a row). */
    private static final int HORIZON_DAYS = 31;

    private final LocalTime opens;
    private final LocalTime closes;
    private final Map<String, StateHours> states;

    public ContactWindowPolicy(LocalTime opens, LocalTime closes) {
        this(opens, closes, Map.of());
    }

    public ContactWindowPolicy(LocalTime opens, LocalTime closes, Map<String, StateHours> states) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("The contact window must open before it closes");
        }
        this.opens = opens;
        this.closes = closes;
        this.states = Map.copyOf(states);
    }

    /** A touch planned for {@code wanted}: moved to the next opening if the window is closed then. */
    public Placement place(Instant wanted, ZoneId zone) {
        return place(wanted, new Where(zone, null, Set.of()));
    }

    public Placement place(Instant wanted, Where where) {
        LocalDate day = wanted.atZone(where.zone()).toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (where.holidays().contains(day)) {
                continue;
            }
            Instant windowOpens = at(day, opensOn(where.usState(), day.getDayOfWeek()), where.zone());
            Instant windowCloses = at(day, closesOn(where.usState(), day.getDayOfWeek()), where.zone());
            if (wanted.isBefore(windowCloses)) {
                Instant due = wanted.isBefore(windowOpens) ? windowOpens : wanted;
                return new Placement(due, new ContactWindow(windowOpens, windowCloses), !due.equals(wanted));
            }
        }
        throw new IllegalStateException("No contact window within " + HORIZON_DAYS + " days of " + wanted);
    }

    /** Always the same local time: across a DST switch the instant moves, the wall clock does not. */
    private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private LocalTime opensOn(String usState, DayOfWeek day) {
        StateHours hours = hoursOn(usState, day);
        return hours == null || hours.opens() == null ? opens : hours.opens();
    }

    private LocalTime closesOn(String usState, DayOfWeek day) {
        StateHours hours = hoursOn(usState, day);
        return hours == null || hours.closes() == null ? closes : hours.closes();
    }

    private StateHours hoursOn(String usState, DayOfWeek day) {
        StateHours hours = usState == null ? null : states.get(usState);
        return hours != null && day == DayOfWeek.SUNDAY && hours.sunday() != null ? hours.sunday() : hours;
    }

    /**
     * Where the lead is, as far as contact hours go.
     *
     * @param usState  two-letter code when known, for the state's own hours
     * @param holidays local dates on which no SMS or call goes out
     */
    public record Where(ZoneId zone, String usState, Set<LocalDate> holidays) {
    }

    /**
     * @param due   when to send; equal to the wanted time when the window was open then
     * @param moved whether the window (or a holiday) pushed the touch later
     */
    public record Placement(Instant due, ContactWindow window, boolean moved) {
    }
}
