package io.leadflow.bench.report;

import io.leadflow.bench.floor.KafkaFloor;
import io.leadflow.bench.system.JfrProfiles;
import io.leadflow.bench.system.ProcessSampler;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code ./leadflow bench} run measured; written as JSON and rendered as Markdown.
 * {@code queues}: at the end, records per dead-letter topic and consumer lag per group and topic.
 */
public record BenchResult(String label, Instant startedAt, String command, Machine machine, Load load,
                         Latencies latencies, Throughput throughput, Floor floor, Ratios ratios,
                         List<ProcessSampler.Usage> processes, ProcessSampler.MachineUsage cpu, String limitingResource,
                         Map<String, Long> startupMs, Map<String, Jvm> jvms, List<Target> targets, List<Second> perSecond,
                         Map<String, JfrProfiles.HotMethods> profiles, Map<String, Map<String, Long>> queues) {

    /** @param loadBefore {@code /proc/loadavg} before the stack started; {@code loadAfter} after the load */
    public record Machine(int cores, String loadBefore, String loadAfter, String generatorCpus) {
    }

    public record Load(String mode, double offeredPerSecond, int concurrency, double durationSeconds, int posted,
                       int accepted, Map<String, Integer> failuresByStatus, String firstFailure, double maxGeneratorLagMs,
                       int fromNumbers, String smsPacing, List<String> daytimeZones) {
    }

    /**
     * @param intakeMs              client side: request sent → answer received
     * @param firstTouchMs          as cadence-engine recorded it: provider accepted the first touch − receivedAt
     * @param repAlertMs            as cadence-engine recorded it, for the first rep alert
     * @param clientToFirstMessageMs client side: 202 received → first message to the lead at a sink
     */
    public record Latencies(Summary intakeMs, Summary firstTouchMs, Summary repAlertMs, Summary clientToFirstMessageMs) {
    }

    /**
     * @param completedLeads   leads whose immediate touches (rep alert SMS and email, first SMS, first email) all reached the sinks
     * @param backlogAtLoadEnd accepted but not yet complete when the load stopped
     * @param drainMs          load end → last completion
     */
    public record Throughput(double intakeLeadsPerSecond, double pipelineLeadsPerSecond, int completedLeads,
                             int incompleteLeads, int failedTouches, int duplicateMessages, int backlogAtLoadEnd,
                             long drainMs) {
    }

    public record Floor(int eventBytes, KafkaFloor.RoundTrip roundTrip, KafkaFloor.Throughput producer) {
    }

    /** First touch against the Kafka round trip (×), and intake's rate against raw producer throughput (%). */
    public record Ratios(double firstTouchP50OverFloorP50, double firstTouchP99OverFloorP99, double intakePercentOfRawKafka) {
    }

    public record Jvm(long pid, String commandLine, String effectiveFlags) {
    }

    /** @param reached yes, no, or n/a (this run does not measure it) */
    public record Target(String name, String goal, String measured, String reached) {
    }

    /** One second of the load, by when leads were sent. */
    public record Second(int second, int accepted, int completed, int backlog, double intakeP50Ms, double intakeP99Ms,
                         double firstTouchP50Ms, double firstTouchP99Ms) {
    }
}
