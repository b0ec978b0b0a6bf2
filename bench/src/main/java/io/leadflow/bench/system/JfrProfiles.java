package io.leadflow.bench.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * JFR recordings of running JVMs (started and stopped with {@code jcmd}), summarised as the methods
 * the CPU samples land in: where the time goes by the frame on top (self), and by the first
 * Leadflow frame of each sample (which of our code paths the time is spent under).
 */
public final class JfrProfiles {

    private static final String RECORDING = "leadflow-bench";
    private static final int TOP = 10;

    /**
     * @param topSelf     "method share-of-samples"; {@code topLeadflow} the same for the first io.leadflow frame
     * @param topWaiting  where threads waited (socket reads, monitor entries, parks that JFR's profile settings record),
     *                    summed by the first io.leadflow frame and the kind of wait
     */
    public record HotMethods(String file, int samples, List<String> topSelf, List<String> topLeadflow, List<String> topWaiting) {
    }

    private static final Map<String, String> WAITS = Map.of(
            "jdk.SocketRead", "socket read", "jdk.JavaMonitorEnter", "monitor", "jdk.ThreadPark", "park");

    private final Map<String, Long> pids;
    private final Path dir;

    public JfrProfiles(Map<String, Long> pids, Path dir) {
        this.pids = pids;
        this.dir = dir;
    }

    public void start() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        for (var process : pids.entrySet()) {
            jcmd(process.getValue(), "JFR.start", "name=" + RECORDING, "settings=profile",
                    "filename=" + file(process.getKey()).toAbsolutePath());
        }
    }

    public Map<String, HotMethods> stopAndSummarise() throws IOException, InterruptedException {
        Map<String, HotMethods> summaries = new LinkedHashMap<>();
        for (var process : pids.entrySet()) {
            jcmd(process.getValue(), "JFR.stop", "name=" + RECORDING);
            Path file = file(process.getKey());
            if (Files.exists(file)) {
                summaries.put(process.getKey(), summarise(file));
            }
        }
        return summaries;
    }

    public static HotMethods summarise(Path file) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> leadflow = new HashMap<>();
        Map<String, Long> waitingMs = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String wait = WAITS.get(event.getEventType().getName());
            if (wait != null && event.getStackTrace() != null) {
                String under = event.getStackTrace().getFrames().stream().map(JfrProfiles::name)
                        .filter(name -> name.startsWith("io.leadflow.")).findFirst().orElse(null);
                boolean pool = event.getStackTrace().getFrames().stream()
                        .anyMatch(frame -> frame.getMethod().getType().getName().equals("io.agroal.pool.ConnectionPool"));
                if (under != null) {
                    waitingMs.merge(under + " (" + (pool ? "waiting for a pooled JDBC connection" : wait) + ")",
                            event.getDuration().toMillis(), Long::sum);
                }
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (name.startsWith("io.leadflow.") && seen.add(name)) {
                    leadflow.merge(name, 1, Integer::sum);
                    break;
                }
            }
        }
        List<String> topWaiting = waitingMs.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(TOP)
                .map(entry -> String.format(Locale.ROOT, "%s %,d ms", entry.getKey(), entry.getValue())).toList();
        return new HotMethods(file.getFileName().toString(), samples, top(self, samples), top(leadflow, samples), topWaiting);
    }

    private static List<String> top(Map<String, Integer> counts, int samples) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP).map(entry -> String.format(Locale.ROOT, "%s %.1f%%", entry.getKey(), 100.0 * entry.getValue() / samples))
                .toList();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private Path file(String process) {
        return dir.resolve(process + ".jfr");
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> arguments = new java.util.ArrayList<>(List.of("jcmd", Long.toString(pid)));
        arguments.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed for pid " + pid + ": " + output);
        }
    }
}
