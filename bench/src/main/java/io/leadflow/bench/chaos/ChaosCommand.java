package io.leadflow.bench.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.bench.HarnessStack;
import io.leadflow.bench.load.LoadGenerator;
import io.leadflow.bench.load.PostedLead;
import io.leadflow.bench.load.SampleLeads;
import io.leadflow.bench.records.EngineRecords;
import io.leadflow.bench.records.LeadOutcomes;
import io.leadflow.bench.records.QueueState;
import io.leadflow.bench.records.RecordedLead;
import io.leadflow.bench.sinks.SinkMessages;
import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code ./leadflow chaos}: a steady load while every service is SIGKILLed in turn (and restarted),
 * the broker and PostgreSQL are restarted, the SMS provider and SMTP go down for a while, accepted
 * leads are posted a second time and some leads text STOP (twice); then the {@link DeliveryChecker}
 * proves from the sinks and the database that nothing was lost or doubled and no opted-out number
 * was texted. {@code --ci} is the bounded form CI runs.
 * Exits 1 when an invariant is broken, 2 when the harness itself failed.
 */
public final class ChaosCommand {

    static final String USAGE = """
            Usage: ./leadflow chaos [--duration S] [--rate N] [--seed N] [--label L]
                   ./leadflow chaos --ci
                   ./leadflow chaos --self-test
                   ./leadflow chaos --check bench/target/chaos-report/<label>/recording.json
              --duration S  seconds of load; the faults fall in 10 %-75 % of it, and the load goes on
                            until 15 s after the last fault is over (default 150)
              --rate N      leads per second (default 20)
              --seed N      decides the order of the faults, the leads and who texts STOP (default: from the clock, printed)
              --ci          the CI form: 20 leads/s for 90 s, seed 1, one SIGKILL per service and one SMS outage
                            (no broker, PostgreSQL or SMTP fault); prints the wall time against its 5 min budget
              --self-test   run the checker on a recording with a planted duplicate, lost lead, night SMS and text after STOP
              --check FILE  run the checker on a saved recording
            """;
    /** The notifier's worker pools: priority-touches 8 and nurture-touches 4 concurrent sends. */
    private static final int NOTIFIER_SENDS_IN_FLIGHT = 12;
    private static final Duration RETRY_FOR = Duration.ofSeconds(120);
    private static final Duration DRAIN_BOUND = Duration.ofSeconds(300);
    private static final Duration NO_PROGRESS_BOUND = Duration.ofSeconds(30);
    private static final Duration LOAD_AFTER_LAST_FAULT = Duration.ofSeconds(15);
    private static final Duration MAX_OVERRUN = Duration.ofMinutes(15);
    private static final double NIGHT_SHARE = 0.10;
    private static final double DUPLICATE_SHARE = 0.05;
    /** Share of accepted leads with SMS consent that text STOP a few seconds after their 202. */
    private static final double STOP_SHARE = 0.03;
    private static final long CI_SEED = 1;
    private static final Duration CI_BUDGET = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    public static void main(String[] args) throws Exception {
        // a killed notifier drops its SMTP connections: one line each (without the half-read mail), not a stack trace
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> System.err.println("  (" + thread.getName() + ": "
                + firstLine(e.getMessage()) + (e.getCause() == null ? "" : ": " + firstLine(e.getCause().getMessage())) + ")"));
        Instant began = Instant.now();
        int duration = 150;
        double rate = 20;
        long seed = System.currentTimeMillis() % 100_000;
        String label = null;
        boolean ci = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--self-test" -> System.exit(selfTest());
                    case "--check" -> System.exit(report(JSON.readValue(Path.of(args[++i]).toFile(), Recording.class), List.of(), null));
                    case "--ci" -> ci = true;
                    case "--duration" -> duration = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Double.parseDouble(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--label" -> label = args[++i];
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        if (ci) {
            int exit = run(Duration.ofSeconds(90), 20, CI_SEED, label != null ? label : "chaos-ci", ChaosSchedule.CI);
            Duration wall = Duration.between(began, Instant.now());
            System.out.printf("%nCI chaos run: %d s wall time, stack start and checks included (budget %d s)%s%n",
                    wall.toSeconds(), CI_BUDGET.toSeconds(), wall.compareTo(CI_BUDGET) > 0 ? ": OVER BUDGET" : "");
            System.exit(exit);
        }
        String name = label != null ? label : "chaos-" + duration + "s-seed" + seed;
        System.exit(run(Duration.ofSeconds(duration), rate, seed, name, ChaosSchedule.ALL));
    }

    private static int selfTest() {
        List<Invariant> found = CheckerSelfTest.checkPlanted();
        print(found);
        List<String> missed = CheckerSelfTest.missedPlants(found);
        if (missed.isEmpty()) {
            System.out.println("\nSelf-test passed: the checker failed on the planted recording and named the duplicate, "
                    + "the lost lead, the SMS outside the contact window and the text after a STOP.");
            return 0;
        }
        System.out.println("\nSelf-test FAILED: " + String.join("; ", missed));
        return 1;
    }

    private static int run(Duration duration, double rate, long seed, String label, Set<ChaosSchedule.Fault> faults)
            throws Exception {
        Path target = HarnessStack.benchTarget();
        Path reportDir = target.resolve("chaos-report").resolve(label);
        System.out.printf("Chaos run %s: %.0f leads/s for %d s, seed %d; load average %s. Starting the stack ...%n",
                label, rate, duration.toSeconds(), seed, HarnessStack.loadAverage());
        List<ChaosSchedule.Injected> injected = new CopyOnWriteArrayList<>();
        ExecutorService loadThread = Executors.newSingleThreadExecutor();
        ScheduledExecutorService outages = Executors.newSingleThreadScheduledExecutor();
        try (LocalStack stack = HarnessStack.startForChaos(target.resolve("chaos-data").resolve(label));
             StopTexts stops = new StopTexts(stack.serviceUrl(LeadflowService.NOTIFIER), stack.smsSink().authToken(),
                     stack.smsSink(), STOP_SHARE, seed)) {
            SampleLeads leads = new SampleLeads(seed, NIGHT_SHARE, Instant.now());
            try (LoadGenerator generator = new LoadGenerator(HarnessStack.intakeUri(stack), HarnessStack.sourceKey(stack), leads)) {
                generator.whenAccepted(stops::consider);
                Instant start = Instant.now();
                CompletableFuture<List<PostedLead>> load = CompletableFuture.supplyAsync(() -> {
                    try {
                        return generator.run(new LoadGenerator.Shape(rate, 0, duration.plus(MAX_OVERRUN), RETRY_FOR, DUPLICATE_SHARE));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }, loadThread);
                List<ChaosSchedule.Planned> plan = ChaosSchedule.plan(duration, seed, faults);
                // outages are timed on their own thread, so a slow restart does not hold them back
                List<CompletableFuture<Instant>> outagesOver = plan.stream().filter(planned -> planned.fault().isOutage())
                        .map(planned -> outage(stack, planned, start, outages, injected)).toList();
                for (ChaosSchedule.Planned planned : plan.stream().filter(planned -> !planned.fault().isOutage()).toList()) {
                    Duration wait = Duration.between(Instant.now(), start.plus(planned.at()));
                    if (!wait.isNegative()) {
                        Thread.sleep(wait.toMillis());
                    }
                    injected.add(inject(stack, planned.fault(), start));
                }
                // restarts on a busy machine can take a minute: keep the load on until the last fault is over
                Instant lastOver = outagesOver.stream().map(CompletableFuture::join).reduce(Instant.now(), ChaosCommand::later);
                Instant stopAt = later(start.plus(duration), lastOver.plus(LOAD_AFTER_LAST_FAULT));
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), stopAt).toMillis()));
                generator.stop();
                List<PostedLead> posted = load.join();
                List<PostedLead> accepted = posted.stream().filter(PostedLead::accepted).toList();
                System.out.printf("Load done: %d posted, %d accepted, %d leads texting STOP. Waiting for the pipeline to drain ...%n",
                        posted.size(), accepted.size(), stops.scheduled());
                List<Recording.OptOut> optOuts = stops.finish();
                drain(stack, accepted);
                Recording recording = record(stack, posted, generator.duplicates(), optOuts, injected);
                Files.createDirectories(reportDir);
                JSON.writeValue(reportDir.resolve("recording.json").toFile(), recording);
                return report(recording, injected, reportDir);
            }
        } finally {
            outages.shutdownNow();
            loadThread.shutdownNow();
        }
    }

    /** Arms a provider outage at its time and ends it after its length, beside the process faults; completes when it is over. */
    private static CompletableFuture<Instant> outage(LocalStack stack, ChaosSchedule.Planned planned, Instant start,
                                                     ScheduledExecutorService outages, List<ChaosSchedule.Injected> injected) {
        ChaosSchedule.Fault fault = planned.fault();
        Duration wait = Duration.between(Instant.now(), start.plus(planned.at()));
        CompletableFuture<Instant> over = new CompletableFuture<>();
        outages.schedule(() -> {
            ChaosSchedule.Injected armed = inject(stack, fault, start);
            if (armed.error() != null) {
                injected.add(armed);
                over.complete(Instant.now());
                return;
            }
            outages.schedule(() -> {
                String error = null;
                try {
                    fault.end(stack);
                    System.out.printf("  %5.1f s: over: %s%n", seconds(start, Instant.now()), fault.description());
                } catch (RuntimeException e) {
                    error = "could not end it: " + e.getMessage();
                    System.out.println("           FAILED to end " + fault.description() + ": " + e.getMessage());
                }
                injected.add(new ChaosSchedule.Injected(fault, armed.at(), Duration.between(start.plus(armed.at()), Instant.now()), error));
                over.complete(Instant.now());
            }, fault.outage().toMillis(), TimeUnit.MILLISECONDS);
        }, Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        return over;
    }

    private static String firstLine(String text) {
        return String.valueOf(text).lines().findFirst().orElse("");
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static ChaosSchedule.Injected inject(LocalStack stack, ChaosSchedule.Fault fault, Instant start) {
        Instant at = Instant.now();
        System.out.printf("  %5.1f s: %s ...%n", seconds(start, at), fault.description());
        try {
            fault.inject(stack);
            Duration recovery = Duration.between(at, Instant.now());
            if (!fault.isOutage()) {
                System.out.printf("           back after %.1f s%n", recovery.toMillis() / 1000.0);
            }
            return new ChaosSchedule.Injected(fault, Duration.between(start, at), recovery, null);
        } catch (RuntimeException e) {
            String reason = firstLine(e.getMessage());
            System.out.println("           FAILED: " + reason);
            return new ChaosSchedule.Injected(fault, Duration.between(start, at), Duration.between(at, Instant.now()), reason);
        }
    }

    private static void drain(LocalStack stack, List<PostedLead> accepted) throws InterruptedException {
        EngineRecords records = HarnessStack.records(stack);
        Instant giveUp = Instant.now().plus(DRAIN_BOUND);
        Instant lastProgress = Instant.now();
        long best = -1;
        while (Instant.now().isBefore(giveUp) && Instant.now().isBefore(lastProgress.plus(NO_PROGRESS_BOUND))) {
            long complete = LeadOutcomes.of(accepted, records.leads(), records.touches(), SinkMessages.snapshot(stack)).complete();
            if (complete == accepted.size()) {
                return;
            }
            if (complete > best) {
                best = complete;
                lastProgress = Instant.now();
            }
            Thread.sleep(2_000);
        }
        System.out.printf("  drain ended with %d of %d leads complete; the checker says why%n", best, accepted.size());
    }

    private static Recording record(LocalStack stack, List<PostedLead> posted, List<LoadGenerator.Duplicate> duplicates,
                                    List<Recording.OptOut> optOuts, List<ChaosSchedule.Injected> injected) {
        EngineRecords records = HarnessStack.records(stack);
        Instant checkedAt = Instant.now();
        List<Recording.AcceptedLead> accepted = posted.stream().filter(PostedLead::accepted)
                .map(lead -> new Recording.AcceptedLead(lead.leadId(), lead.lead().phoneE164(), lead.lead().email(),
                        lead.lead().timeZone(), lead.lead().nightLead()))
                .toList();
        int notifierKills = (int) injected.stream().filter(fault -> fault.fault() == ChaosSchedule.Fault.KILL_NOTIFIER).count();
        return new Recording(accepted, posted.size() - accepted.size(),
                records.leads().stream().map(RecordedLead::leadId).collect(Collectors.toSet()), records.touches(),
                SinkMessages.snapshot(stack), duplicates, optOuts, notifierKills, NOTIFIER_SENDS_IN_FLIGHT, checkedAt,
                QueueState.read(stack.kafkaBootstrapServers()));
    }

    private static int report(Recording recording, List<ChaosSchedule.Injected> injected, Path reportDir) throws IOException {
        List<Invariant> invariants = new DeliveryChecker(LocalTime.of(8, 0), LocalTime.of(21, 0)).check(recording);
        StringBuilder md = new StringBuilder("# Leadflow chaos run\n\n");
        md.append(String.format(Locale.ROOT, "%d leads accepted (%d night leads), %d never accepted within %d s of retries, "
                        + "%d posted twice, %d texted STOP (each STOP delivered twice), %d messages at the sinks; "
                + "load average at the end %s.%n%n",
                recording.accepted().size(), recording.accepted().stream().filter(Recording.AcceptedLead::night).count(),
                recording.neverAccepted(), RETRY_FOR.toSeconds(), recording.duplicatePosts().size(), recording.optOuts().size(),
                recording.messages().size(), HarnessStack.loadAverage()));
        md.append("At the end, records in dead-letter topics (given up on): ").append(recording.queues().get("deadLetters"))
                .append("; consumer lag (not consumed yet: late, not lost): ").append(recording.queues().get("consumerLag"))
                .append("\n\n");
        if (!injected.isEmpty()) {
            md.append("| at (s) | fault | over after (s) | error |\n| ---: | --- | ---: | --- |\n");
            for (ChaosSchedule.Injected fault : injected.stream().sorted(Comparator.comparing(ChaosSchedule.Injected::at)).toList()) {
                md.append(String.format(Locale.ROOT, "| %.1f | %s | %.1f | %s |%n", fault.at().toMillis() / 1000.0,
                        fault.fault().description(), fault.recovery().toMillis() / 1000.0, fault.error() == null ? "" : fault.error()));
            }
            md.append('\n');
        }
        md.append(invariantsMarkdown(invariants));
        System.out.println();
        System.out.print(md);
        if (reportDir != null) {
            Files.writeString(reportDir.resolve("report.md"), md.toString());
            System.out.println("\nReport: " + reportDir.toAbsolutePath() + " (report.md, recording.json)");
        }
        boolean harnessFailed = injected.stream().anyMatch(fault -> fault.error() != null);
        return invariants.stream().allMatch(Invariant::holds) ? (harnessFailed ? 2 : 0) : 1;
    }

    private static void print(List<Invariant> invariants) {
        System.out.print(invariantsMarkdown(invariants));
    }

    private static String invariantsMarkdown(List<Invariant> invariants) {
        StringBuilder md = new StringBuilder("| invariant | checked | broken | listed | holds |\n| --- | ---: | ---: | ---: | --- |\n");
        for (Invariant invariant : invariants) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s |%n", invariant.name(), invariant.checked(),
                    invariant.violations().size(), invariant.listed().size(), invariant.holds() ? "yes" : "**NO**"));
        }
        for (Invariant invariant : invariants) {
            if (!invariant.violations().isEmpty() || !invariant.listed().isEmpty()) {
                md.append("\n**").append(invariant.name()).append("**\n\n");
                invariant.violations().stream().limit(20).forEach(violation -> md.append("- BROKEN: ").append(violation).append('\n'));
                invariant.listed().stream().limit(20).forEach(listed -> md.append("- listed: ").append(listed).append('\n'));
                long more = Math.max(0, invariant.violations().size() - 20) + Math.max(0, invariant.listed().size() - 20);
                if (more > 0) {
                    md.append("- … and ").append(more).append(" more in recording.json\n");
                }
            }
        }
        return md.toString();
    }
}
