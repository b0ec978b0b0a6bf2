package io.leadflow.cadence.opsboard;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One histogram's cumulative buckets read from a Prometheus scrape (summed over the series that
 * carry the given label), and the quantile Prometheus's {@code histogram_quantile} estimates from them.
 */
final class PrometheusHistogram {

    /** Upper bound (seconds) to cumulative count, +Inf included. */
    private final TreeMap<Double, Double> buckets = new TreeMap<>();

    private PrometheusHistogram() {
    }

    static PrometheusHistogram parse(String scrape, String metric, String label, String value) {
        PrometheusHistogram histogram = new PrometheusHistogram();
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "_bucket\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
        Pattern le = Pattern.compile("le=\"([^\"]+)\"");
        Matcher matcher = line.matcher(scrape);
        while (matcher.find()) {
            String labels = matcher.group(1);
            if (!labels.contains(label + "=\"" + value + "\"")) {
                continue;
            }
            Matcher bound = le.matcher(labels);
            bound.find();
            double upper = bound.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound.group(1));
            histogram.buckets.merge(upper, Double.parseDouble(matcher.group(2)), Double::sum);
        }
        return histogram;
    }

    double count() {
        return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    }

    /** As histogram_quantile: the bucket holding the rank, interpolated linearly inside it. */
    double quantile(double q) {
        double rank = q * count();
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lower;
                }
                return lower + (bucket.getKey() - lower) * (rank - below) / (bucket.getValue() - below);
            }
            lower = bucket.getKey();
            below = bucket.getValue();
        }
        throw new IllegalStateException("no buckets");
    }

    /** Index of the bucket a value (seconds) falls in: the first upper bound at or above it. */
    int bucketOf(double seconds) {
        int index = 0;
        for (double upper : buckets.keySet()) {
            if (seconds <= upper) {
                return index;
            }
            index++;
        }
        throw new IllegalStateException("no +Inf bucket");
    }
}
