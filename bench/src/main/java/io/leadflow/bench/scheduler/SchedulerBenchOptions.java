package io.leadflow.bench.scheduler;

import java.time.Duration;

/**
 * {@code ./leadflow scheduler-bench} options.
 *
 * @param leadTime how long before the start the touches are written; the run stops if writing takes longer
 * @param jfr      profile the engine with JFR from the start; its hot methods go in the report
 */
record SchedulerBenchOptions(int dueNow, int spread, Duration over, Duration leadTime, int warmUp, int batchSize,
                             String pollInterval, String label, boolean jfr) {

    static final String USAGE = """
            Usage: ./leadflow scheduler-bench [--due-now N] [--spread N] [--over S] [--lead-time S] [--warm-up N]
                                              [--batch-size N] [--poll-interval D] [--label L] [--jfr]
              --due-now N        touches due at the start (default 100000)
              --spread N         touches due evenly over the next --over seconds (default 900000)
              --over S           seconds the spread covers (default 600)
              --lead-time S      seconds to write the touches before the start (default 150)
              --warm-up N        touches dispatched before the start, not measured: the engine's JIT and the
                                 broker's first topic metadata (default 5000)
              --batch-size N     the engine's leadflow.engine.scheduler.batch-size (default 500, as shipped)
              --poll-interval D  the engine's leadflow.engine.scheduler.poll-interval (default 200ms, as shipped)
              --label L          report directory under bench/target/scheduler-bench/ (default from the sizes)
              --jfr              profile the engine with JFR from the start; hot methods and waits go in the report
            """;

    static SchedulerBenchOptions parse(String[] args) {
        int dueNow = 100_000;
        int spread = 900_000;
        int over = 600;
        int leadTime = 150;
        int warmUp = 5_000;
        int batchSize = 500;
        String pollInterval = "200ms";
        String label = null;
        boolean jfr = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--due-now" -> dueNow = Integer.parseInt(value(args, ++i));
                case "--spread" -> spread = Integer.parseInt(value(args, ++i));
                case "--over" -> over = Integer.parseInt(value(args, ++i));
                case "--lead-time" -> leadTime = Integer.parseInt(value(args, ++i));
                case "--warm-up" -> warmUp = Integer.parseInt(value(args, ++i));
                case "--batch-size" -> batchSize = Integer.parseInt(value(args, ++i));
                case "--poll-interval" -> pollInterval = value(args, ++i);
                case "--label" -> label = value(args, ++i);
                case "--jfr" -> jfr = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (dueNow < 1 || spread < 1 || over < 1 || batchSize < 1) {
            throw new IllegalArgumentException("--due-now, --spread, --over and --batch-size must be positive\n" + USAGE);
        }
        if (label == null) {
            label = dueNow + "-now-" + spread + "-over-" + over + "s-batch" + batchSize;
        }
        if (!label.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--label may hold letters, digits, '.', '_' and '-' only");
        }
        return new SchedulerBenchOptions(dueNow, spread, Duration.ofSeconds(over), Duration.ofSeconds(leadTime),
                warmUp, batchSize, pollInterval, label, jfr);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
