package io.leadflow.bench.scheduler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.leadflow.bench.HarnessStack;
import io.leadflow.bench.system.JfrProfiles;
import io.leadflow.bench.system.ProcessSampler;
import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.LocalStack;

/**
 * {@code ./leadflow scheduler-bench}: Kafka, PostgreSQL and the cadence engine from the built
 * artifacts; a block of touches due at the start and many more due evenly after it, written into
 * the engine's schema beforehand; then how fast the engine dispatches the block and how late each
 * later touch goes out. Writes report.md and report.json under {@code bench/target/scheduler-bench/<label>/}.
 */
public final class SchedulerBenchCommand {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration DRAIN_AFTER_LAST_DUE = Duration.ofSeconds(60);
    private static final Duration LATENESS_INTERVAL = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final SchedulerBenchOptions options;

    private SchedulerBenchCommand(SchedulerBenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(SchedulerBenchOptions.USAGE);
            return;
        }
        SchedulerBenchOptions options;
        try {
            options = SchedulerBenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new SchedulerBenchCommand(options).run("./leadflow scheduler-bench " + String.join(" ", args)));
    }

    private int run(String command) throws Exception {
        Instant startedAt = Instant.now();
        String loadBefore = HarnessStack.loadAverage();
        Path target = HarnessStack.benchTarget();
        Path reportDir = target.resolve("scheduler-bench").resolve(options.label());
        Path dataDir = target.resolve("bench-data").resolve("scheduler");
        HarnessStack.deleteRecursively(dataDir);
        System.out.printf("Load average before: %s. Starting Kafka, PostgreSQL and cadence-engine ...%n", loadBefore);
        try (LocalStack stack = LocalStack.builder(dataDir)
                .services(LeadflowService.CADENCE_ENGINE)
                .serviceEnvironment(LeadflowService.CADENCE_ENGINE, Map.of(
                        "LEADFLOW_ENGINE_SCHEDULER_BATCH_SIZE", String.valueOf(options.batchSize()),
                        "LEADFLOW_ENGINE_SCHEDULER_POLL_INTERVAL", options.pollInterval()))
                .start();
                ScheduledTouches touches = new ScheduledTouches(stack.jdbcUrl(), stack.postgres().username(),
                        stack.postgres().password())) {
            int total = options.dueNow() + options.spread();
            int leads = Math.max(1, total / 10);
            Instant start = Instant.now().plus(options.leadTime()).truncatedTo(ChronoUnit.SECONDS);
            Duration spacing = options.over().dividedBy(options.spread());
            System.out.printf("Writing %,d touches for %,d leads; the start is %s ...%n", total, leads, start);
            Instant writing = Instant.now();
            touches.writeLeads(total);
            AtomicInteger written = new AtomicInteger();
            IntConsumer progress = rows -> System.out.printf("  %,d touches written%n", written.addAndGet(rows));
            touches.writeTouches(ScheduledTouches.WARM_UP_STEP, options.warmUp(), leads, Instant.now(), Duration.ZERO, rows -> { });
            touches.writeTouches(ScheduledTouches.DUE_NOW_STEP, options.dueNow(), leads, start, Duration.ZERO, progress);
            touches.writeTouches(ScheduledTouches.SPREAD_STEP, options.spread(), leads, start.plus(spacing), spacing, progress);
            touches.analyze();
            double writeSeconds = Duration.between(writing, Instant.now()).toMillis() / 1000.0;
            if (Instant.now().isAfter(start.minusSeconds(2))) {
                System.err.printf("Writing the touches took %.0f s, past the start: rerun with a longer --lead-time%n", writeSeconds);
                return 2;
            }
            System.out.printf("Written in %.1f s; waiting for the start (%s) ...%n", writeSeconds, start);
            while (touches.stillScheduled() > total && Instant.now().isBefore(start.minusSeconds(2))) {
                Thread.sleep(500);
            }
            System.out.printf("Warm-up: %,d of %,d touches dispatched before the start%n",
                    options.warmUp() - (touches.stillScheduled() - total), options.warmUp());
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), start).toMillis() - 1_000));

            Map<String, Long> pids = pids(stack);
            JfrProfiles profiles = new JfrProfiles(Map.of("cadence-engine", pids.get("cadence-engine")), reportDir.resolve("jfr"));
            if (options.jfr()) {
                profiles.start();
            }
            ProcessSampler sampler = new ProcessSampler(pids, Set.of("postgres")).start();
            Instant lastDue = start.plus(options.over());
            long scheduled;
            do {
                Thread.sleep(PROGRESS_EVERY.toMillis());
                scheduled = touches.stillScheduled();
                System.out.printf("  t+%3d s: %,d touches not dispatched yet%n",
                        Duration.between(start, Instant.now()).toSeconds(), scheduled);
            } while (scheduled > 0 && Instant.now().isBefore(lastDue.plus(DRAIN_AFTER_LAST_DUE)));
            sampler.stop();
            JfrProfiles.HotMethods engineProfile = options.jfr() ? profiles.stopAndSummarise().get("cadence-engine") : null;

            SchedulerBenchResult result = result(command, startedAt, loadBefore, touches, start, leads, writeSeconds,
                    scheduled, sampler, engineProfile);
            Files.createDirectories(reportDir);
            JSON.writeValue(reportDir.resolve("report.json").toFile(), result);
            Files.writeString(reportDir.resolve("report.md"), result.markdown());
            System.out.println();
            System.out.println(result.markdown());
            System.out.println("Report: " + reportDir.toAbsolutePath() + " (report.md, report.json)");
            return scheduled == 0 ? 0 : 1;
        }
    }

    private SchedulerBenchResult result(String command, Instant startedAt, String loadBefore, ScheduledTouches touches,
            Instant start, int leads, double writeSeconds, long notDispatched, ProcessSampler sampler,
            JfrProfiles.HotMethods engineProfile) throws Exception {
        ScheduledTouches.StepFigures block = touches.figures(ScheduledTouches.DUE_NOW_STEP);
        ScheduledTouches.StepFigures spread = touches.figures(ScheduledTouches.SPREAD_STEP);
        double drainSeconds = block.lastDispatched() == null ? Double.NaN
                : Duration.between(start, block.lastDispatched()).toMillis() / 1000.0;
        List<ProcessSampler.Usage> processes = sampler.usage();
        return new SchedulerBenchResult(command, startedAt, loadBefore, HarnessStack.loadAverage(),
                new SchedulerBenchResult.Setup(options.dueNow(), options.spread(), options.over().toSeconds(), leads,
                        writeSeconds, String.valueOf(options.batchSize()), options.pollInterval()),
                new SchedulerBenchResult.DueNow(block.touches(), block.dispatched(), drainSeconds,
                        block.dispatched() / drainSeconds, block.p50Ms(), block.p99Ms(), block.maxMs()),
                new SchedulerBenchResult.Spread(spread.touches(), spread.dispatched(), spread.p50Ms(), spread.p90Ms(),
                        spread.p99Ms(), spread.p999Ms(), spread.maxMs()),
                notDispatched, sampler.machine(), processes, limitingResource(sampler.machine(), processes),
                touches.latenessOverTime(ScheduledTouches.SPREAD_STEP, start, LATENESS_INTERVAL), engineProfile);
    }

    /** The busiest process, and whether the machine had CPU to spare. */
    private static String limitingResource(ProcessSampler.MachineUsage machine, List<ProcessSampler.Usage> processes) {
        ProcessSampler.Usage busiest = processes.stream()
                .max(Comparator.comparingDouble(ProcessSampler.Usage::averageCpuPercent)).orElseThrow();
        String top = String.format(Locale.ROOT, "%s at %.0f %% of one core", busiest.name(), busiest.averageCpuPercent());
        return machine.busyPercent() >= 90
                ? "CPU: the machine was saturated; busiest process " + top
                : String.format(Locale.ROOT, "not CPU (machine %.0f %% busy); busiest process %s", machine.busyPercent(), top);
    }

    private static Map<String, Long> pids(LocalStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("cadence-engine", stack.service(LeadflowService.CADENCE_ENGINE).pid());
        pids.put("kafka", stack.kafka().pid());
        pids.put("postgres", stack.postgres().pid());
        pids.put("bench (progress queries)", ProcessHandle.current().pid());
        return pids;
    }
}
