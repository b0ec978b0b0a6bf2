package io.leadflow.cadence.routing;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.leadflow.cadence.problem.InvalidRequestException;
import io.leadflow.cadence.problem.Problem;

/** Applies a submitted rep to a stored or new one, collecting every bad field before anything changes. */
final class RepValidation {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int LONGEST_NAME = 200;
    private static final int LONGEST_EMAIL = 254;
    static final int MOST_WEIGHT = 100;

    private final List<Problem.InvalidParam> problems = new ArrayList<>();

    private RepValidation() {
    }

    /**
     * @param rep       a new rep (every field required) or the stored one (fields left out keep their value)
     * @throws InvalidRequestException naming every bad field; {@code rep} is then unchanged
     */
    static void apply(RepRequest request, Rep rep, boolean isNew) {
        RepValidation validation = new RepValidation();
        String name = validation.required(request.name(), rep.name, isNew, "name");
        if (name != null && (name.isBlank() || name.length() > LONGEST_NAME)) {
            validation.problem("name", "must be 1 to " + LONGEST_NAME + " characters");
        }
        String phone = validation.required(request.phoneE164(), rep.phoneE164, isNew, "phoneE164");
        if (phone != null && !E164.matcher(phone).matches()) {
            validation.problem("phoneE164", "must be an E.164 number, e.g. +14155550101");
        }
        String email = validation.required(request.email(), rep.email, isNew, "email");
        if (email != null && (email.length() > LONGEST_EMAIL || !EMAIL.matcher(email).matches())) {
            validation.problem("email", "must be an email address");
        } else if (email != null && emailTaken(email, rep.id)) {
            validation.problem("email", "belongs to another rep");
        }
        String zone = validation.required(request.timeZone(), rep.timeZone, isNew, "timeZone");
        if (zone != null && !isZone(zone)) {
            validation.problem("timeZone", "must be an IANA time zone, e.g. America/New_York");
        }
        WorkingHours hours = request.workingHours() == null ? rep.workingHours : validation.hours(request.workingHours());
        int weight = request.weight() == null ? rep.weight : request.weight();
        if (weight < 1 || weight > MOST_WEIGHT) {
            validation.problem("weight", "must be 1 to " + MOST_WEIGHT);
        }
        RepRole role = request.role() == null ? rep.role : validation.role(request.role());
        String teamId = request.teamId() == null ? rep.teamId : request.teamId();
        if (Team.findById(teamId) == null) {
            validation.problem("teamId", "no such team");
        }
        if (!validation.problems.isEmpty()) {
            throw new InvalidRequestException(validation.problems);
        }
        rep.name = name;
        rep.phoneE164 = phone;
        rep.email = email;
        rep.timeZone = zone;
        rep.workingHours = hours;
        rep.weight = weight;
        rep.role = role;
        rep.teamId = teamId;
        if (request.on() != null) {
            rep.onDuty = request.on();
        }
    }

    private String required(String submitted, String stored, boolean isNew, String field) {
        if (submitted == null && isNew) {
            problem(field, "is required");
        }
        return submitted == null ? stored : submitted.trim();
    }

    private WorkingHours hours(Map<String, Map<String, String>> days) {
        int before = problems.size();
        days.forEach((day, shift) -> {
            try {
                WorkingHours.of(Collections.singletonMap(day, shift));
            } catch (WorkingHours.InvalidHoursException e) {
                problem("workingHours." + e.day(), e.getMessage());
            }
        });
        return problems.size() == before ? WorkingHours.of(days) : null;
    }

    private RepRole role(String role) {
        try {
            return RepRole.valueOf(role.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem("role", "must be rep or manager");
            return null;
        }
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean emailTaken(String email, UUID self) {
        return Rep.count("lower(email) = ?1 and id <> ?2", email.toLowerCase(Locale.ROOT), self) > 0;
    }

    private void problem(String field, String reason) {
        problems.add(new Problem.InvalidParam(field, reason));
    }
}
