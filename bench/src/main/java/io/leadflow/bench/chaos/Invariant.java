package io.leadflow.bench.chaos;

import java.util.List;

/**
 * One checked property: how many cases it covered, and each case that breaks it (empty when it holds).
 * {@code listed} are cases reported for a person to see without breaking it (in-doubt sends).
 */
public record Invariant(String name, int checked, List<String> violations, List<String> listed) {

    public boolean holds() {
        return violations.isEmpty();
    }
}
