package io.leadflow.bench.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.leadflow.bench.system.JfrProfiles;
import io.leadflow.bench.system.ProcessSampler;

/** What one scheduler benchmark run measured; written as JSON and as a Markdown report. */
record SchedulerBenchResult(
        String command,
        Instant startedAt,
        String loadAverageBefore,
        String loadAverageAfter,
        Setup setup,
        DueNow dueNow,
        Spread spread,
        long notDispatched,
        ProcessSampler.MachineUsage machine,
        List<ProcessSampler.Usage> processes,
        String limitingResource,
        List<LatenessInterval> spreadLatenessBySecond,
        JfrProfiles.HotMethods engineProfile) {

    /** @param writeSeconds how long writing the touches took, before the start */
    record Setup(int dueNow, int spread, long overSeconds, int leads, double writeSeconds, String engineBatchSize,
                 String enginePollInterval) {
    }

    /** The block due at the start: how fast the engine got through it. */
    record DueNow(long touches, long dispatched, double drainSeconds, double touchesPerSecond, double p50LateMs,
                  double p99LateMs, double maxLateMs) {
    }

    /** The touches due evenly after the start: how late each went out. */
    record Spread(long touches, long dispatched, double p50LateMs, double p90LateMs, double p99LateMs, double p999LateMs,
                  double maxLateMs) {
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Scheduler benchmark\n\n");
        md.append("`").append(command).append("`, started ").append(startedAt).append(", load average before ")
                .append(loadAverageBefore).append(", after ").append(loadAverageAfter).append(".\n\n");
        md.append(String.format(Locale.ROOT, "%,d touches due at the start and %,d due evenly over the next %d s, for %,d leads "
                + "(written in %.1f s before the start). Engine: batch size %s, poll interval %s. "
                + "\"Dispatched\" is the engine's `dispatched_at`, stamped once the broker acknowledged (acks=all) every "
                + "record of the touch's batch; lateness = dispatched_at - due_at.%n%n",
                setup.dueNow(), setup.spread(), setup.overSeconds(), setup.leads(), setup.writeSeconds(),
                setup.engineBatchSize(), setup.enginePollInterval()));
        md.append("| figure | reached | target |\n| --- | ---: | ---: |\n");
        md.append(String.format(Locale.ROOT, "| due-now block: dispatch throughput | %,.0f touches/s (%,d in %.1f s) | >= 5,000 touches/s |%n",
                dueNow.touchesPerSecond(), dueNow.dispatched(), dueNow.drainSeconds()));
        md.append(String.format(Locale.ROOT, "| spread: lateness p50 / p90 | %,.0f / %,.0f ms | |%n", spread.p50LateMs(), spread.p90LateMs()));
        md.append(String.format(Locale.ROOT, "| spread: lateness p99 | %,.0f ms | <= 250 ms |%n", spread.p99LateMs()));
        md.append(String.format(Locale.ROOT, "| spread: lateness p99.9 / max | %,.0f / %,.0f ms | |%n", spread.p999LateMs(), spread.maxLateMs()));
        md.append(String.format(Locale.ROOT, "| not dispatched at the end | %,d | 0 |%n%n", notDispatched));
        md.append(String.format(Locale.ROOT, "Machine: %d cores, %.0f %% busy (%.0f %% iowait) over %.0f s. Limiting resource: %s.%n%n",
                machine.cores(), machine.busyPercent(), machine.iowaitPercent(), machine.sampledSeconds(), limitingResource));
        md.append("| process | CPU avg | CPU peak | RSS peak |\n| --- | ---: | ---: | ---: |\n");
        processes.forEach(process -> md.append(String.format(Locale.ROOT, "| %s | %.0f %% | %.0f %% | %d MB |%n",
                process.name(), process.averageCpuPercent(), process.peakCpuPercent(), process.peakRssMb())));
        md.append("\nSpread lateness by when the touches were due:\n\n| due from (s) | touches | p50 | p99 | max |\n| ---: | ---: | ---: | ---: | ---: |\n");
        spreadLatenessBySecond.forEach(interval -> md.append(String.format(Locale.ROOT, "| %d | %,d | %,.0f ms | %,.0f ms | %,.0f ms |%n",
                interval.fromSecond(), interval.touches(), interval.p50Ms(), interval.p99Ms(), interval.maxMs())));
        if (engineProfile != null) {
            md.append("\nEngine profile (JFR, ").append(engineProfile.samples()).append(" CPU samples, ").append(engineProfile.file())
                    .append("):\n\n| CPU by top frame | CPU by first Leadflow frame | waiting, by first Leadflow frame |\n| --- | --- | --- |\n");
            for (int i = 0; i < Math.max(engineProfile.topSelf().size(), Math.max(engineProfile.topLeadflow().size(), engineProfile.topWaiting().size())); i++) {
                md.append("| ").append(at(engineProfile.topSelf(), i)).append(" | ").append(at(engineProfile.topLeadflow(), i))
                        .append(" | ").append(at(engineProfile.topWaiting(), i)).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String at(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index) : "";
    }
}
