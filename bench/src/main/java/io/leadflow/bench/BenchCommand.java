package io.leadflow.bench;

import io.leadflow.bench.floor.KafkaFloor;
import io.leadflow.bench.load.LoadGenerator;
import io.leadflow.bench.load.PostedLead;
import io.leadflow.bench.load.SampleLeads;
import io.leadflow.bench.records.EngineRecords;
import io.leadflow.bench.records.LeadOutcomes;
import io.leadflow.bench.records.QueueState;
import io.leadflow.bench.report.BenchReportWriter;
import io.leadflow.bench.report.BenchResult;
import io.leadflow.bench.sinks.SinkMessages;
import io.leadflow.bench.system.JfrProfiles;
import io.leadflow.bench.system.JvmFlags;
import io.leadflow.bench.system.ProcessSampler;
import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./leadflow bench}: starts the whole local stack from the built artifacts, posts realistic
 * leads at a rate (or as fast as possible), follows every lead to the sinks, measures the Kafka
 * floor in the same run, and writes a report under {@code bench/target/bench-report/<label>/}.
 */
public final class BenchCommand {

    private static final Duration NO_PROGRESS_BOUND = Duration.ofSeconds(30);

    private final BenchOptions options;

    private BenchCommand(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new BenchCommand(options).run(String.join(" ", args)));
    }

    private int run(String arguments) throws Exception {
        Instant startedAt = Instant.now();
        String loadBefore = HarnessStack.loadAverage();
        Path target = HarnessStack.benchTarget();
        Path reportDir = target.resolve("bench-report").resolve(options.label());
        LeadflowService[] services = options.intakeOnly() ? new LeadflowService[] {LeadflowService.LEAD_INTAKE}
                : LeadflowService.values();
        System.out.printf("Load average before: %s. Starting Kafka, PostgreSQL, sinks and %s ...%n", loadBefore,
                Arrays.stream(services).map(LeadflowService::module).collect(Collectors.joining(", ")));
        try (LocalStack stack = HarnessStack.start(target.resolve("bench-data").resolve(options.label()), options.fromNumbers(), options.smsPacing(), services)) {
            Map<String, Long> pids = pids(stack);
            String generatorCpus = options.pin() ? PinToOneCore.pinThisJvm() : "not pinned (--no-pin)";
            System.out.println("Load generator CPUs: " + generatorCpus);
            SampleLeads leads = new SampleLeads(42, 0, Instant.now());
            try (LoadGenerator generator = new LoadGenerator(HarnessStack.intakeUri(stack), HarnessStack.sourceKey(stack), leads)) {
                System.out.printf("Warming up for %d s ...%n", options.warmUp().toSeconds());
                generator.run(shape(options.warmUp()));
                Thread.sleep(2_000);
                stack.smsSink().clear();
                stack.mailCatcher().clear();

                System.out.printf("Measuring for %d s (%s) ...%n", options.duration().toSeconds(),
                        options.max() ? "as fast as possible, " + options.concurrency() + " in flight" : options.rate() + " leads/s");
                JfrProfiles profiles = new JfrProfiles(services(pids), reportDir.resolve("jfr"));
                if (options.jfr()) {
                    profiles.start();
                }
                ProcessSampler sampler = new ProcessSampler(pids, java.util.Set.of("postgres")).start();
                Instant loadStart = Instant.now();
                List<PostedLead> posted = generator.run(shape(options.duration()));
                Instant loadEnd = Instant.now();
                sampler.stop();
                Map<String, JfrProfiles.HotMethods> hotMethods = options.jfr() ? profiles.stopAndSummarise() : Map.of();
                String loadAfter = HarnessStack.loadAverage();
                List<PostedLead> accepted = posted.stream().filter(PostedLead::accepted).toList();

                LeadOutcomes outcomes = options.intakeOnly() ? null : drain(stack, accepted);
                Map<String, Map<String, Long>> queues = QueueState.read(stack.kafkaBootstrapServers());
                KafkaFloor floor = new KafkaFloor(stack.kafkaBootstrapServers());
                int eventBytes = floor.averageValueSize("leads.received");
                System.out.println("Measuring the Kafka floor (" + eventBytes + "-byte records, acks=all) ...");
                KafkaFloor.RoundTrip roundTrip = floor.roundTrip(eventBytes, options.max() ? 1000 : Math.max(100, options.rate()),
                        Duration.ofSeconds(5));
                KafkaFloor.Throughput producer = floor.producerThroughput(eventBytes, Duration.ofSeconds(3));

                BenchResult result = new BenchResultAssembler(options, loadStart, loadEnd).assemble(
                        startedAt, "./leadflow bench " + arguments,
                        new BenchResult.Machine(sampler.machine().cores(), loadBefore, loadAfter, generatorCpus),
                        posted, generator.maxLag(), leads.daytimeZones(), outcomes,
                        new BenchResult.Floor(eventBytes, roundTrip, producer),
                        sampler, millis(stack.startupTimes()), jvms(pids), hotMethods, queues);
                new BenchReportWriter(reportDir).write(result, outcomes == null ? null : outcomes.all(), accepted);
                System.out.println();
                System.out.println(Files.readString(reportDir.resolve("report.md")));
                System.out.println("Report: " + reportDir.toAbsolutePath() + " (report.md, report.json, leads.csv, chart.html)");
                return result.load().accepted() == result.load().posted() ? 0 : 1;
            }
        }
    }

    private LoadGenerator.Shape shape(Duration duration) {
        return new LoadGenerator.Shape(options.max() ? 0 : options.rate(), options.concurrency(), duration, Duration.ZERO, 0);
    }

    /**
     * Waits until every accepted lead's immediate touches reached the sinks and the engine stored its
     * speed figures, or progress stops.
     */
    private LeadOutcomes drain(LocalStack stack, List<PostedLead> accepted) throws InterruptedException {
        EngineRecords records = HarnessStack.records(stack);
        Instant giveUp = Instant.now().plus(options.drain());
        Instant lastProgress = Instant.now();
        long lastDone = -1;
        while (true) {
            LeadOutcomes outcomes = LeadOutcomes.of(accepted, records.leads(), records.touches(), SinkMessages.snapshot(stack));
            long complete = outcomes.complete();
            long recorded = outcomes.speedsRecorded();
            if (complete + recorded > lastDone) {
                lastDone = complete + recorded;
                lastProgress = Instant.now();
            }
            Instant now = Instant.now();
            boolean done = complete == accepted.size() && recorded == accepted.size();
            if (done || now.isAfter(giveUp) || now.isAfter(lastProgress.plus(NO_PROGRESS_BOUND))) {
                System.out.printf("%d of %d accepted leads have all their immediate touches at the sinks, %d their speed figures recorded%n",
                        complete, accepted.size(), recorded);
                return outcomes;
            }
            System.out.printf("  waiting for the pipeline: %d of %d leads complete, %d recorded%n", complete, accepted.size(), recorded);
            Thread.sleep(1_000);
        }
    }

    private static Map<String, Long> pids(LocalStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (LeadflowService service : stack.runningServices()) {
            pids.put(service.module(), stack.service(service).pid());
        }
        pids.put("kafka", stack.kafka().pid());
        pids.put("postgres", stack.postgres().pid());
        pids.put("bench (generator + sinks)", ProcessHandle.current().pid());
        return pids;
    }

    private static Map<String, Long> services(Map<String, Long> pids) {
        Map<String, Long> services = new LinkedHashMap<>(pids);
        services.keySet().removeIf(name -> Arrays.stream(LeadflowService.values()).noneMatch(service -> service.module().equals(name)));
        return services;
    }

    private static Map<String, BenchResult.Jvm> jvms(Map<String, Long> pids) {
        Map<String, BenchResult.Jvm> jvms = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            if (!name.equals("postgres")) {
                jvms.put(name, new BenchResult.Jvm(pid, JvmFlags.commandLine(pid), JvmFlags.effective(pid)));
            }
        });
        return jvms;
    }

    private static Map<String, Long> millis(Map<String, Duration> durations) {
        Map<String, Long> millis = new LinkedHashMap<>();
        durations.forEach((part, duration) -> millis.put(part, duration.toMillis()));
        return millis;
    }
}
