package io.leadflow.cadence.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A rep's weekly hours in their own time zone: at most one shift per weekday, a day without one is
 * off. On the wire and in {@code rep.working_hours_json}: {@code {"monday": {"from": "09:00", "to": "17:00"}}}.
 */
public record WorkingHours(Map<DayOfWeek, Shift> shifts) {

    /** From (inclusive) to (exclusive), the same day; {@code from} before {@code to}. */
    public record Shift(LocalTime from, LocalTime to) {

        boolean covers(LocalTime time) {
            return !time.isBefore(from) && time.isBefore(to);
        }
    }

    public WorkingHours {
        shifts = shifts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(shifts));
    }

    public boolean covers(ZonedDateTime localTime) {
        Shift shift = shifts.get(localTime.getDayOfWeek());
        return shift != null && shift.covers(localTime.toLocalTime());
    }

    /** Days by their lowercase English name, in week order, as the API and the column show them. */
    public Map<String, Map<String, String>> byDayName() {
        Map<String, Map<String, String>> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            Shift shift = shifts.get(day);
            if (shift != null) {
                days.put(dayName(day), Map.of("from", shift.from().toString(), "to", shift.to().toString()));
            }
        }
        return days;
    }

    public static String dayName(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads days as {@link #byDayName()} writes them.
     *
     * @throws InvalidHoursException naming the day ({@code monday}) whose shift is not valid
     */
    public static WorkingHours of(Map<String, Map<String, String>> days) {
        Map<DayOfWeek, Shift> shifts = new EnumMap<>(DayOfWeek.class);
        days.forEach((name, shift) -> {
            DayOfWeek day = dayOf(name);
            shifts.put(day, shiftOf(name, shift));
        });
        return new WorkingHours(shifts);
    }

    private static DayOfWeek dayOf(String name) {
        try {
            return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidHoursException(name, "is not a weekday (monday … sunday)");
        }
    }

    private static Shift shiftOf(String day, Map<String, String> shift) {
        try {
            LocalTime from = LocalTime.parse(shift.get("from"));
            LocalTime to = LocalTime.parse(shift.get("to"));
            if (from.isBefore(to)) {
                return new Shift(from, to);
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new InvalidHoursException(day, "must be {\"from\": \"HH:MM\", \"to\": \"HH:MM\"} with from before to, the same day");
    }

    /** A day of submitted hours that is not valid. */
    public static class InvalidHoursException extends IllegalArgumentException {

        private final String day;

        InvalidHoursException(String day, String reason) {
            super(reason);
            this.day = day;
        }

        public String day() {
            return day;
        }
    }
}
