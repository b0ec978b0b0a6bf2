package io.leadflow.cadence.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.leadflow.contracts.TouchDue.ContactWindow;

/**
 * Places a touch that must reach a phone inside the lead's local contact window: the default hours,
 * a US state's stricter ones, and no holidays; for a lead who may be in several places, inside every
 * place's window. Pure: the rules are data and time is passed in.
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
        return place(wanted, new Where(zone, (String) null, Set.of()));
    }

    /**
     * With several places (the lead's location is ambiguous), the touch goes when every place's window is
     * open: on a local day, the latest opening and the earliest closing; a day where they do not overlap is
     * passed. Places that never overlap within the horizon fall back to the first place's window.
     */
    public Placement place(Instant wanted, Where where) {
        Instant horizon = wanted.plus(HORIZON_DAYS, ChronoUnit.DAYS);
        Instant at = wanted;
        while (!at.isAfter(horizon)) {
            Instant notBefore = Instant.MIN;
            Instant notAfter = Instant.MAX;
            Instant latest = at;
            for (Place place : where.places()) {
                ContactWindow open = openWindow(at, place, where.holidays());
                notBefore = max(notBefore, open.notBefore());
                notAfter = min(notAfter, open.notAfter());
                latest = max(latest, open.notBefore());
            }
            if (latest.equals(at)) {
                return new Placement(at, new ContactWindow(notBefore, notAfter), !at.equals(wanted));
            }
            at = latest;
        }
        return place(wanted, new Where(where.zone(), List.of(where.places().get(0)), where.holidays()));
    }

    /** The place's window that is open at {@code wanted}, else the next one. */
    private ContactWindow openWindow(Instant wanted, Place place, Set<LocalDate> holidays) {
        LocalDate day = wanted.atZone(place.zone()).toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            Instant windowOpens = at(day, opensOn(place.usState(), day.getDayOfWeek()), place.zone());
            Instant windowCloses = at(day, closesOn(place.usState(), day.getDayOfWeek()), place.zone());
            if (wanted.isBefore(windowCloses)) {
                return new ContactWindow(windowOpens, windowCloses);
            }
        }
        throw new IllegalStateException("No contact window within " + HORIZON_DAYS + " days of " + wanted);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
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
     * @param zone     the lead's own zone
     * @param places   where the lead may be: one, or several when the location is ambiguous (all must allow a touch)
     * @param holidays local dates on which no SMS or call goes out
     */
    public record Where(ZoneId zone, List<Place> places, Set<LocalDate> holidays) {

        public Where {
            places = List.copyOf(places);
            if (places.isEmpty()) {
                throw new IllegalArgumentException("A lead is somewhere: at least one place");
            }
        }

        /** @param usState two-letter code when known, for the state's own hours */
        public Where(ZoneId zone, String usState, Set<LocalDate> holidays) {
            this(zone, List.of(new Place(zone, usState)), holidays);
        }

        /** Whose hours apply, for a moved touch's reason: {@code FL hours}, or every place's; empty for plain hours. */
        public String hours() {
            if (places.size() == 1) {
                return places.get(0).usState() == null ? "" : places.get(0).usState() + " hours";
            }
            return "hours of " + places.stream().map(Place::toString).collect(Collectors.joining(" and ")) + " together";
        }
    }

    /**
     * A place the lead may be in.
     *
     * @param usState two-letter code when known, for the state's own hours
     */
    public record Place(ZoneId zone, String usState) {

        /** Reads {@link #toString()}: {@code America/Chicago TX}, or the zone alone. */
        public static Place parse(String text) {
            String[] parts = text.strip().split(" ");
            return new Place(ZoneId.of(parts[0]), parts.length > 1 ? parts[1] : null);
        }

        @Override
        public String toString() {
            return usState == null ? zone.getId() : zone.getId() + " " + usState;
        }
    }

    /**
     * @param due   when to send; equal to the wanted time when the window was open then
     * @param moved whether the window (or a holiday) pushed the touch later
     */
    public record Placement(Instant due, ContactWindow window, boolean moved) {
    }
}
