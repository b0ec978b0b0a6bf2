package io.leadflow.cadence.window;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * US states as data ({@code windows/us-places.yaml}): the state of a ZIP code's three-digit prefix, a state's
 * time zones, and the state a place name of libphonenumber's geocoder stands for ("Florida").
 */
public final class UsPlaces {

    static final String RESOURCE = "/windows/us-places.yaml";

    private static final UsPlaces TABLE = load();

    private final Map<String, List<ZoneId>> zonesOf = new HashMap<>();
    private final Map<String, String> codeOfName = new HashMap<>();
    private final String[] stateOfPrefix = new String[1000];

    private UsPlaces(Map<String, State> states) {
        states.forEach((code, state) -> {
            zonesOf.put(code, state.zones().stream().map(ZoneId::of).toList());
            codeOfName.put(state.name(), code);
            state.zip().forEach(range -> claim(code, range));
        });
    }

    public static UsPlaces table() {
        return TABLE;
    }

    /** @param zip a US ZIP code, {@code 75001} or {@code 75001-1234} */
    public Optional<String> stateOfZip(String zip) {
        if (zip == null || zip.length() < 3 || !zip.substring(0, 3).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.ofNullable(stateOfPrefix[Integer.parseInt(zip.substring(0, 3))]);
    }

    /** The state's zones, the one most of it keeps first; empty for a code not in the table. */
    public List<ZoneId> zonesOf(String state) {
        return zonesOf.getOrDefault(state, List.of());
    }

    /** @param name a state's name as the geocoder writes it, e.g. {@code Texas} */
    public Optional<String> stateNamed(String name) {
        return Optional.ofNullable(codeOfName.get(name));
    }

    private void claim(String state, String range) {
        String[] bounds = range.split("-");
        int from = Integer.parseInt(bounds[0]);
        int to = Integer.parseInt(bounds[bounds.length - 1]);
        for (int prefix = from; prefix <= to; prefix++) {
            if (stateOfPrefix[prefix] != null) {
                throw new IllegalStateException("ZIP prefix " + prefix + " is both " + stateOfPrefix[prefix] + " and " + state);
            }
            stateOfPrefix[prefix] = state;
        }
    }

    private static UsPlaces load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = UsPlaces.class.getResourceAsStream(RESOURCE)) {
            return new UsPlaces(yaml.readValue(in, new TypeReference<Map<String, State>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** @param zip three-digit ZIP prefixes, {@code "750-799"} or {@code "733"} */
    private record State(String name, List<String> zones, List<String> zip) {
    }
}
