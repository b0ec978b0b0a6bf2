package io.leadflow.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./leadflow bench} options.
 *
 * @param rate        leads per second (open loop); ignored with {@code max}
 * @param max         as fast as possible, {@code concurrency} requests in flight
 * @param intakeOnly  only lead-intake (and Kafka) run: the intake ceiling
 * @param fromNumbers the SMS sender pool the run declares
 * @param smsPacing   each number of the pool paced like a US long code; off only for a labelled
 *                    "pipeline capacity" run
 * @param drain       the longest wait after the load for the last touches to reach the sinks
 * @param pin         pin the load generator's JVM to one core with taskset
 * @param jfr         record a JFR profile of each service during the load and report its hot methods
 */
public record BenchOptions(double rate, boolean max, int concurrency, Duration duration, boolean intakeOnly,
                           int fromNumbers, boolean smsPacing, String label, Duration warmUp, Duration drain, boolean pin,
                           boolean jfr) {

    public static final String USAGE = """
            Usage: ./leadflow bench [--rate N | --max [--concurrency C]] [--duration S] [--intake-only]
                                    [--from-numbers N] [--no-pacing] [--label L] [--warm-up S] [--drain S] [--no-pin] [--jfr]
              --rate N          leads per second, open loop (default 100)
              --max             as fast as possible with C requests in flight (default 32)
              --duration S      seconds of measured load (default 30)
              --intake-only     run only lead-intake and Kafka: the intake's ceiling
              --from-numbers N  the SMS sender pool this run declares (default 200)
              --no-pacing       pipeline capacity: the notifier sends SMS unpaced (label capacity-...)
              --label L         report directory name under bench/target/bench-report/ (default from the options)
              --warm-up S       seconds of unmeasured load first (default 5)
              --drain S         longest wait for the last touches after the load (default 60)
              --no-pin          do not pin the generator to one core
              --jfr             profile each service with JFR during the load; hot methods go in the report
            """;

    public static BenchOptions parse(String[] args) {
        double rate = 100;
        boolean max = false;
        int concurrency = 32;
        int seconds = 30;
        boolean intakeOnly = false;
        int fromNumbers = 200;
        boolean smsPacing = true;
        String label = null;
        int warmUp = 5;
        int drain = 60;
        boolean pin = true;
        boolean jfr = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Double.parseDouble(value(args, ++i));
                case "--max" -> max = true;
                case "--concurrency" -> concurrency = Integer.parseInt(value(args, ++i));
                case "--duration" -> seconds = Integer.parseInt(value(args, ++i));
                case "--intake-only" -> intakeOnly = true;
                case "--from-numbers" -> fromNumbers = Integer.parseInt(value(args, ++i));
                case "--no-pacing" -> smsPacing = false;
                case "--label" -> label = value(args, ++i);
                case "--warm-up" -> warmUp = Integer.parseInt(value(args, ++i));
                case "--drain" -> drain = Integer.parseInt(value(args, ++i));
                case "--no-pin" -> pin = false;
                case "--jfr" -> jfr = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (label == null) {
            label = (intakeOnly ? "intake-" : smsPacing ? "pipeline-" : "capacity-") + (max ? "max" + concurrency : String.format(Locale.ROOT, "%.0fps", rate)) + "-" + seconds + "s";
        }
        if (!label.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--label may hold letters, digits, '.', '_' and '-' only");
        }
        return new BenchOptions(rate, max, concurrency, Duration.ofSeconds(seconds), intakeOnly, fromNumbers, smsPacing, label,
                Duration.ofSeconds(warmUp), Duration.ofSeconds(drain), pin, jfr);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
