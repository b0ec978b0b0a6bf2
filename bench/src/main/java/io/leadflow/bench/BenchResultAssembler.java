package io.leadflow.bench;

import io.leadflow.bench.load.PostedLead;
import io.leadflow.bench.records.LeadOutcome;
import io.leadflow.bench.records.LeadOutcomes;
import io.leadflow.bench.report.BenchResult;
import io.leadflow.bench.report.Summary;
import io.leadflow.bench.system.JfrProfiles;
import io.leadflow.bench.system.ProcessSampler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the raw observations of a run into its figures, the per-second series and the verdict on each target. */
final class BenchResultAssembler {

    private static final long SERVICE_RSS_TARGET_MB = 200;
    private static final long SERVICE_START_TARGET_MS = 2_000;

    private final BenchOptions options;
    private final Instant loadStart;
    private final Instant loadEnd;

    BenchResultAssembler(BenchOptions options, Instant loadStart, Instant loadEnd) {
        this.options = options;
        this.loadStart = loadStart;
        this.loadEnd = loadEnd;
    }

    BenchResult assemble(Instant startedAt, String command, BenchResult.Machine machine, List<PostedLead> posted,
                         Duration generatorLag, List<String> daytimeZones, LeadOutcomes outcomes, BenchResult.Floor floor,
                         ProcessSampler sampler, Map<String, Long> startupMs, Map<String, BenchResult.Jvm> jvms,
                         Map<String, JfrProfiles.HotMethods> profiles, Map<String, Map<String, Long>> queues) {
        List<PostedLead> accepted = posted.stream().filter(PostedLead::accepted).toList();
        Map<String, Integer> failures = new TreeMap<>();
        posted.stream().filter(lead -> !lead.accepted())
                .forEach(lead -> failures.merge(lead.status() == 0 ? "no answer" : Integer.toString(lead.status()), 1, Integer::sum));
        String firstFailure = posted.stream().filter(lead -> !lead.accepted()).map(PostedLead::error)
                .filter(Objects::nonNull).findFirst().orElse(null);
        List<LeadOutcome> leads = outcomes == null ? List.of() : outcomes.all();

        // the load ends when the last answer (or timeout) is in; what was offered is over the sending span
        Instant lastSent = posted.stream().map(PostedLead::sentAt).max(Comparator.naturalOrder()).orElse(loadEnd);
        BenchResult.Load load = new BenchResult.Load(options.max() ? "max" : "rate",
                posted.size() / seconds(loadStart, lastSent), options.max() ? options.concurrency() : 0,
                seconds(loadStart, lastSent), posted.size(), accepted.size(), failures, firstFailure,
                generatorLag.toNanos() / 1e6, options.fromNumbers(),
                options.smsPacing() ? "on: each number of the pool paced at the notifier's default, 1 segment/s"
                        : "off: a pipeline-capacity run, SMS sent as fast as the sink takes them",
                daytimeZones);
        BenchResult.Latencies latencies = new BenchResult.Latencies(
                Summary.of(accepted.stream().map(lead -> lead.intakeMicros() / 1000.0).toList()),
                Summary.of(leads.stream().map(LeadOutcome::recorded).filter(Objects::nonNull)
                        .map(lead -> lead.speedToFirstTouchMs()).filter(Objects::nonNull).toList()),
                Summary.of(leads.stream().map(LeadOutcome::recorded).filter(Objects::nonNull)
                        .map(lead -> lead.speedToRepAlertMs()).filter(Objects::nonNull).toList()),
                Summary.of(leads.stream().map(LeadOutcome::clientToFirstMessageMs).filter(Objects::nonNull).toList()));

        Instant firstSent = accepted.stream().map(PostedLead::sentAt).min(Comparator.naturalOrder()).orElse(loadStart);
        Instant lastAnswer = accepted.stream().map(PostedLead::answeredAt).max(Comparator.naturalOrder()).orElse(loadEnd);
        List<Instant> completions = leads.stream().map(LeadOutcome::completedAt).filter(Objects::nonNull).sorted().toList();
        Instant lastCompletion = completions.isEmpty() ? loadEnd : completions.get(completions.size() - 1);
        int acceptedByLoadEnd = (int) accepted.stream().filter(lead -> !lead.answeredAt().isAfter(loadEnd)).count();
        int completedByLoadEnd = (int) completions.stream().filter(at -> !at.isAfter(loadEnd)).count();
        BenchResult.Throughput throughput = new BenchResult.Throughput(
                accepted.size() / seconds(firstSent, lastAnswer),
                outcomes == null ? Double.NaN : completions.size() / seconds(firstSent, lastCompletion),
                completions.size(), outcomes == null ? 0 : leads.size() - completions.size(),
                outcomes == null ? 0 : outcomes.failedTouches(), outcomes == null ? 0 : outcomes.duplicateMessages(),
                outcomes == null ? 0 : acceptedByLoadEnd - completedByLoadEnd,
                outcomes == null ? 0 : Math.max(0, Duration.between(loadEnd, lastCompletion).toMillis()));

        BenchResult.Ratios ratios = new BenchResult.Ratios(
                latencies.firstTouchMs().p50() / floor.roundTrip().latencyMs().p50(),
                latencies.firstTouchMs().p99() / floor.roundTrip().latencyMs().p99(),
                100.0 * throughput.intakeLeadsPerSecond() / floor.producer().recordsPerSecond());
        List<ProcessSampler.Usage> processes = sampler.usage();
        ProcessSampler.MachineUsage cpu = sampler.machine();
        return new BenchResult(options.label(), startedAt, command, machine, load, latencies, throughput, floor, ratios,
                processes, cpu, limitingResource(cpu, processes, throughput, generatorLag), startupMs, jvms,
                targets(latencies, throughput, processes, startupMs, posted.size() - accepted.size()), perSecond(accepted, leads),
                profiles, queues);
    }

    private String limitingResource(ProcessSampler.MachineUsage cpu, List<ProcessSampler.Usage> processes,
                                    BenchResult.Throughput throughput, Duration generatorLag) {
        ProcessSampler.Usage top = processes.stream().max(Comparator.comparingDouble(ProcessSampler.Usage::averageCpuPercent)).orElseThrow();
        String topUser = String.format(Locale.ROOT, "biggest user %s at %.0f%% of one core", top.name(), top.averageCpuPercent());
        double ours = processes.stream().mapToDouble(ProcessSampler.Usage::averageCpuPercent).sum() / cpu.cores();
        double others = Math.max(0, cpu.busyPercent() - ours);
        if (cpu.busyPercent() >= 85) {
            return String.format(Locale.ROOT, "CPU: %d cores %.0f%% busy (iowait %.0f%%), of which this run's processes %.0f%% and "
                            + "other processes on the machine %.0f%%; %s", cpu.cores(), cpu.busyPercent(), cpu.iowaitPercent(),
                    ours, others, topUser);
        }
        if (!options.max() && generatorLag.toMillis() > 100) {
            return String.format(Locale.ROOT, "the load generator fell %d ms behind its schedule (CPU %.0f%% busy); %s",
                    generatorLag.toMillis(), cpu.busyPercent(), topUser);
        }
        if (throughput.backlogAtLoadEnd() > Math.max(10, options.rate())) {
            return String.format(Locale.ROOT, "not CPU (%.0f%% busy, iowait %.0f%%): the pipeline queues behind a serial step; %s",
                    cpu.busyPercent(), cpu.iowaitPercent(), topUser);
        }
        return String.format(Locale.ROOT, "none reached: the offered load was carried with CPU to spare (%.0f%% busy, iowait %.0f%%); %s",
                cpu.busyPercent(), cpu.iowaitPercent(), topUser);
    }

    private List<BenchResult.Target> targets(BenchResult.Latencies latencies, BenchResult.Throughput throughput,
                                             List<ProcessSampler.Usage> processes, Map<String, Long> startupMs,
                                             int failedPosts) {
        List<BenchResult.Target> targets = new ArrayList<>();
        boolean pipeline = !options.intakeOnly();
        Summary firstTouch = latencies.firstTouchMs();
        targets.add(new BenchResult.Target("speed to first touch at 100 leads/s", "p50 <= 30 ms, p99 <= 100 ms",
                pipeline ? String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms at %.0f leads/s", firstTouch.p50(), firstTouch.p99(),
                        options.max() ? throughput.intakeLeadsPerSecond() : options.rate()) : "-",
                pipeline && !options.max() && options.rate() >= 100
                        ? verdict(firstTouch.p50() <= 30 && firstTouch.p99() <= 100) : "n/a"));
        Summary intake = latencies.intakeMs();
        targets.add(new BenchResult.Target("intake alone", ">= 2000 leads/s sustained, p99 <= 50 ms, no loss",
                String.format(Locale.ROOT, "%.0f leads/s, p99 %.0f ms, %d failed", throughput.intakeLeadsPerSecond(), intake.p99(),
                        failedPosts),
                options.intakeOnly() ? verdict(throughput.intakeLeadsPerSecond() >= 2000 && intake.p99() <= 50 && failedPosts == 0) : "n/a"));
        targets.add(new BenchResult.Target("whole pipeline", ">= 500 leads/s sustained, every immediate touch sent, first touch p99 <= 1 s, no growing backlog",
                pipeline ? String.format(Locale.ROOT, "%.0f leads/s, %d incomplete, p99 %.0f ms, backlog at load end %d",
                        throughput.pipelineLeadsPerSecond(), throughput.incompleteLeads(), firstTouch.p99(), throughput.backlogAtLoadEnd()) : "-",
                pipeline ? verdict(throughput.pipelineLeadsPerSecond() >= 500 && throughput.incompleteLeads() == 0
                        && firstTouch.p99() <= 1000 && throughput.backlogAtLoadEnd() <= Math.max(10, options.rate())) : "n/a"));
        for (ProcessSampler.Usage usage : processes) {
            if (isService(usage.name())) {
                targets.add(new BenchResult.Target(usage.name() + " RSS under load", "<= " + SERVICE_RSS_TARGET_MB + " MB",
                        "peak " + usage.peakRssMb() + " MB", verdict(usage.peakRssMb() <= SERVICE_RSS_TARGET_MB)));
            }
        }
        startupMs.forEach((part, ms) -> {
            if (isService(part)) {
                targets.add(new BenchResult.Target(part + " start", "<= 2 s", ms + " ms (services boot side by side)",
                        verdict(ms <= SERVICE_START_TARGET_MS)));
            }
        });
        return targets;
    }

    private List<BenchResult.Second> perSecond(List<PostedLead> accepted, List<LeadOutcome> leads) {
        Map<String, LeadOutcome> outcomeByLead = leads.stream()
                .collect(Collectors.toMap(outcome -> outcome.posted().leadId(), Function.identity(), (a, b) -> a));
        int seconds = (int) Math.ceil(seconds(loadStart, loadEnd));
        List<BenchResult.Second> series = new ArrayList<>();
        int acceptedSoFar = 0;
        int completedSoFar = 0;
        for (int s = 0; s < seconds; s++) {
            Instant from = loadStart.plusSeconds(s);
            Instant to = from.plusSeconds(1);
            List<PostedLead> sent = accepted.stream().filter(lead -> within(lead.sentAt(), from, to)).toList();
            acceptedSoFar += (int) accepted.stream().filter(lead -> within(lead.answeredAt(), from, to)).count();
            completedSoFar += (int) leads.stream().filter(lead -> lead.completedAt() != null && within(lead.completedAt(), from, to)).count();
            Summary intake = Summary.of(sent.stream().map(lead -> lead.intakeMicros() / 1000.0).toList());
            Summary firstTouch = Summary.of(sent.stream().map(lead -> outcomeByLead.get(lead.leadId()))
                    .filter(Objects::nonNull).map(LeadOutcome::recorded).filter(Objects::nonNull)
                    .map(lead -> lead.speedToFirstTouchMs()).filter(Objects::nonNull).toList());
            series.add(new BenchResult.Second(s, acceptedSoFar, completedSoFar, leads.isEmpty() ? 0 : acceptedSoFar - completedSoFar,
                    intake.p50(), intake.p99(), firstTouch.p50(), firstTouch.p99()));
        }
        return series;
    }

    private static boolean isService(String name) {
        return name.equals("lead-intake") || name.equals("cadence-engine") || name.equals("notifier");
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static String verdict(boolean reached) {
        return reached ? "yes" : "no";
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1e-3, Duration.between(from, to).toNanos() / 1e9);
    }
}
