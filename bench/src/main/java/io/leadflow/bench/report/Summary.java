package io.leadflow.bench.report;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of measurements (nearest rank), in the unit they were given in. */
public record Summary(int count, double p50, double p90, double p99, double max, double mean) {

    public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static Summary of(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return new Summary(sorted.length, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
                sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(Double.NaN));
    }

    static double rank(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
