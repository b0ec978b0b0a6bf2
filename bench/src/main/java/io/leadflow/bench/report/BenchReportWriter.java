package io.leadflow.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.bench.load.PostedLead;
import io.leadflow.bench.records.LeadOutcome;
import io.leadflow.bench.system.ProcessSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's {@code report.md}, {@code report.json} (the figures), {@code leads.csv} (one row
 * per lead: the raw measurements) and {@code chart.html} (latency and backlog over time, self-contained).
 */
public final class BenchReportWriter {

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    public BenchReportWriter(Path dir) {
        this.dir = dir;
    }

    /** @param outcomes per lead end to end, or null for an intake-only run */
    public void write(BenchResult result, List<LeadOutcome> outcomes, List<PostedLead> accepted) {
        try {
            Files.createDirectories(dir);
            json.writeValue(dir.resolve("report.json").toFile(), result);
            Files.writeString(dir.resolve("report.md"), markdown(result));
            Files.writeString(dir.resolve("leads.csv"), csv(outcomes, accepted));
            Files.writeString(dir.resolve("chart.html"), LatencyChart.html(result, outcomes));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report to " + dir, e);
        }
    }

    static String markdown(BenchResult r) {
        StringBuilder md = new StringBuilder();
        md.append("# Leadflow bench: ").append(r.label()).append("\n\n");
        md.append("`").append(r.command()).append("` at ").append(r.startedAt()).append("; ")
                .append(r.machine().cores()).append(" cores, load average before ").append(r.machine().loadBefore())
                .append(", after the load ").append(r.machine().loadAfter()).append("; load generator (and the sinks, same JVM): ")
                .append(r.machine().generatorCpus()).append(".\n\n");

        md.append("| figure (ms) | p50 | p90 | p99 | max | n |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        row(md, "intake answer (client: request → 202)", r.latencies().intakeMs());
        row(md, "speed to first touch (engine's record)", r.latencies().firstTouchMs());
        row(md, "speed to rep alert (engine's record)", r.latencies().repAlertMs());
        row(md, "202 received → first message at a sink (client)", r.latencies().clientToFirstMessageMs());
        row(md, String.format(Locale.ROOT, "floor: Kafka produce → consume (%d B, acks=all, %.0f/s)",
                r.floor().eventBytes(), r.floor().roundTrip().ratePerSecond()), r.floor().roundTrip().latencyMs());
        md.append('\n');

        BenchResult.Load load = r.load();
        BenchResult.Throughput t = r.throughput();
        md.append(String.format(Locale.ROOT, "- **Load**: %s, %.1f leads/s offered for %.1f s%s; posted %d, accepted (202) %d, failed %d %s%s%n",
                load.mode(), load.offeredPerSecond(), load.durationSeconds(),
                load.concurrency() > 0 ? " with " + load.concurrency() + " in flight" : "",
                load.posted(), load.accepted(), load.posted() - load.accepted(), load.failuresByStatus(),
                load.firstFailure() == null ? "" : " (first: " + shorten(load.firstFailure()) + ")"));
        md.append(String.format(Locale.ROOT, "- **Generator**: at worst %.1f ms behind its schedule; leads' time zones (daytime now): %s%n",
                load.maxGeneratorLagMs(), String.join(", ", load.daytimeZones())));
        md.append(String.format(Locale.ROOT, "- **SMS sender pool**: %d declared (pacing: %s)%n", load.fromNumbers(), load.smsPacing()));
        md.append(String.format(Locale.ROOT, "- **Sustained**: intake %.1f leads/s; whole pipeline %.1f leads/s (%d leads complete, %d incomplete, "
                        + "%d failed touches, %d duplicate messages); backlog when the load stopped %d leads, drained %d ms later%n",
                t.intakeLeadsPerSecond(), t.pipelineLeadsPerSecond(), t.completedLeads(), t.incompleteLeads(),
                t.failedTouches(), t.duplicateMessages(), t.backlogAtLoadEnd(), t.drainMs()));
        md.append(String.format(Locale.ROOT, "- **Floor**: raw producer %.0f records/s (%d B, acks=all, idempotent, linger 1 ms, one producer); "
                        + "first touch p50 = %.1f× the Kafka round trip's p50, p99 = %.1f× its p99; intake sustained = %.1f%% of raw Kafka%n",
                r.floor().producer().recordsPerSecond(), r.floor().producer().payloadBytes(),
                r.ratios().firstTouchP50OverFloorP50(), r.ratios().firstTouchP99OverFloorP99(), r.ratios().intakePercentOfRawKafka()));
        md.append("- **Limiting resource**: ").append(r.limitingResource()).append('\n');
        md.append("- **Queues at the end**: dead-letter topics ").append(r.queues().get("deadLetters"))
                .append("; consumer lag ").append(r.queues().get("consumerLag")).append("\n\n");

        md.append("## Targets\n\n| target | goal | measured | reached |\n| --- | --- | --- | --- |\n");
        for (BenchResult.Target target : r.targets()) {
            md.append("| ").append(target.name()).append(" | ").append(target.goal()).append(" | ").append(target.measured())
                    .append(" | ").append(target.reached()).append(" |\n");
        }

        md.append(String.format(Locale.ROOT, "%n## Processes during the load%n%nMachine: %.0f%% of %d cores busy, iowait %.0f%%.%n%n",
                r.cpu().busyPercent(), r.cpu().cores(), r.cpu().iowaitPercent()));
        md.append("CPU ms per lead = CPU time during the load / leads accepted: what a lead costs, whatever share of the machine "
                + "the run got (a lower bound for services still behind when the load stopped: the drain is not sampled).\n\n");
        md.append("| process | pid | CPU avg (% of one core) | CPU peak (1 s) | CPU ms per lead | RSS peak MB | RSS at end MB |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (ProcessSampler.Usage usage : r.processes()) {
            double cpuMsPerLead = usage.averageCpuPercent() / 100 * r.cpu().sampledSeconds() * 1000 / Math.max(1, r.load().accepted());
            md.append(String.format(Locale.ROOT, "| %s%s | %d | %.0f | %.0f | %.1f | %d | %d |%n", usage.name(),
                    usage.processes() > 1 ? " (" + usage.processes() + " processes)" : "", usage.pid(),
                    usage.averageCpuPercent(), usage.peakCpuPercent(), cpuMsPerLead, usage.peakRssMb(), usage.lastRssMb()));
        }
        md.append("\n## Start times (ms, parts boot side by side)\n\n");
        for (Map.Entry<String, Long> part : r.startupMs().entrySet()) {
            md.append("- ").append(part.getKey()).append(": ").append(part.getValue()).append('\n');
        }
        if (!r.profiles().isEmpty()) {
            md.append("\n## Profile (JFR execution samples during the load, files in jfr/)\n");
            r.profiles().forEach((process, hot) -> {
                md.append("\n**").append(process).append("** (").append(hot.samples()).append(" samples)\n\n")
                        .append("| CPU: on top of the stack (self) | CPU: first Leadflow frame (under) | waiting, by first Leadflow frame (total) |\n")
                        .append("| --- | --- | --- |\n");
                int rows = Math.max(hot.topSelf().size(), Math.max(hot.topLeadflow().size(), hot.topWaiting().size()));
                for (int i = 0; i < rows; i++) {
                    md.append("| ").append(cell(hot.topSelf(), i)).append(" | ").append(cell(hot.topLeadflow(), i))
                            .append(" | ").append(cell(hot.topWaiting(), i)).append(" |\n");
                }
            });
        }
        md.append("\n## JVM flags\n\n");
        for (Map.Entry<String, BenchResult.Jvm> jvm : r.jvms().entrySet()) {
            md.append("- **").append(jvm.getKey()).append("** (pid ").append(jvm.getValue().pid()).append("): `")
                    .append(jvmOptions(jvm.getValue().commandLine())).append("`; effective: `")
                    .append(jvm.getValue().effectiveFlags()).append("`\n");
        }
        return md.toString();
    }

    /** The part of a java command line before the main class or jar, without the long classpath. */
    private static String jvmOptions(String commandLine) {
        String[] words = commandLine.split(" ");
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("-cp") || words[i].equals("-classpath")) {
                i++;
                options.append("-cp … ");
            } else if (words[i].equals("-jar") && i + 1 < words.length) {
                options.append("-jar ").append(Path.of(words[i + 1]).getFileName());
                break;
            } else if (!words[i].startsWith("-") && i > 0 && !words[i - 1].equals("setsid")) {
                options.append(words[i]);
                break;
            } else {
                options.append(words[i]).append(' ');
            }
        }
        return options.toString().trim();
    }

    private static String cell(List<String> column, int row) {
        return row < column.size() ? column.get(row) : "";
    }

    private static void row(StringBuilder md, String name, Summary s) {
        if (s.isEmpty()) {
            md.append("| ").append(name).append(" | – | – | – | – | 0 |\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %d |%n", name, s.p50(), s.p90(), s.p99(), s.max(), s.count()));
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private static String csv(List<LeadOutcome> outcomes, List<PostedLead> accepted) {
        StringBuilder csv = new StringBuilder("serial,lead_id,sent_at,answered_at,intake_ms,first_touch_ms,rep_alert_ms,"
                + "client_to_first_message_ms,completed_at,expected_touches,delivered_touches,failed_touches\n");
        if (outcomes == null) {
            for (PostedLead lead : accepted) {
                csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%.3f,,,,,,,%n", lead.lead().serial(), lead.leadId(),
                        lead.sentAt(), lead.answeredAt(), lead.intakeMicros() / 1000.0));
            }
            return csv.toString();
        }
        for (LeadOutcome outcome : outcomes) {
            PostedLead lead = outcome.posted();
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%.3f,%s,%s,%s,%s,%d,%d,%d%n", lead.lead().serial(), lead.leadId(),
                    lead.sentAt(), lead.answeredAt(), lead.intakeMicros() / 1000.0,
                    orEmpty(outcome.recorded() == null ? null : outcome.recorded().speedToFirstTouchMs()),
                    orEmpty(outcome.recorded() == null ? null : outcome.recorded().speedToRepAlertMs()),
                    outcome.clientToFirstMessageMs() == null ? "" : String.format(Locale.ROOT, "%.3f", outcome.clientToFirstMessageMs()),
                    orEmpty(outcome.completedAt()), outcome.expectedTouches(), outcome.deliveredTouches(), outcome.failedTouches()));
        }
        return csv.toString();
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
