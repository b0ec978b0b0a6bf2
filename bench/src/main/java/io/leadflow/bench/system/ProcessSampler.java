package io.leadflow.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Samples CPU time and resident memory of named processes from {@code /proc} once a second, and the
 * whole machine's CPU from {@code /proc/stat}. For PostgreSQL, which runs one backend process per
 * connection, the children are counted with the postmaster (shared buffers count in each one's RSS).
 */
public final class ProcessSampler implements AutoCloseable {

    /** Linux reports CPU time in clock ticks of 1/100 s on every platform the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final long PAGE_KB = 4;

    /** One process over the sampled interval. */
    public record Usage(String name, long pid, double averageCpuPercent, double peakCpuPercent, long peakRssMb,
                        long lastRssMb, int processes) {
    }

    /** The machine over the sampled interval: busy and iowait as a share of all cores, in percent. */
    public record MachineUsage(int cores, double busyPercent, double iowaitPercent, double sampledSeconds) {
    }

    private final Map<String, Long> pids;
    private final java.util.Set<String> withChildren;
    private final int cores = onlineCores();
    private final Thread sampler;
    private final Map<String, long[]> first = new LinkedHashMap<>();
    private final Map<String, long[]> previous = new LinkedHashMap<>();
    private final Map<String, Double> peakCpu = new LinkedHashMap<>();
    private final Map<String, Long> peakRssKb = new LinkedHashMap<>();
    private final Map<String, Long> lastRssKb = new LinkedHashMap<>();
    private final Map<String, Integer> processCount = new LinkedHashMap<>();
    private long[] machineFirst;
    private long[] machineLast;
    private long startedNanos;
    private long stoppedNanos;
    private volatile boolean running = true;

    /** @param withChildren the names whose child processes count with them (PostgreSQL's backends) */
    public ProcessSampler(Map<String, Long> pidsByName, java.util.Set<String> withChildren) {
        this.pids = new LinkedHashMap<>(pidsByName);
        this.withChildren = java.util.Set.copyOf(withChildren);
        this.sampler = new Thread(this::sampleEverySecond, "process-sampler");
        sampler.setDaemon(true);
    }

    public ProcessSampler start() {
        startedNanos = System.nanoTime();
        machineFirst = machineTicks();
        sampleOnce();
        sampler.start();
        return this;
    }

    /** Stops sampling; the figures cover start to now. */
    public synchronized void stop() {
        running = false;
        sampler.interrupt();
        sampleOnce();
        stoppedNanos = System.nanoTime();
        machineLast = machineTicks();
    }

    @Override
    public void close() {
        if (running) {
            stop();
        }
    }

    public synchronized List<Usage> usage() {
        double seconds = (stoppedNanos - startedNanos) / 1e9;
        List<Usage> usage = new ArrayList<>();
        for (var process : pids.entrySet()) {
            String name = process.getKey();
            long[] start = first.get(name);
            long[] end = previous.get(name);
            double cpu = start == null || end == null ? 0 : (end[0] - start[0]) / TICKS_PER_SECOND / seconds * 100;
            usage.add(new Usage(name, process.getValue(), cpu, peakCpu.getOrDefault(name, 0.0),
                    peakRssKb.getOrDefault(name, 0L) / 1024, lastRssKb.getOrDefault(name, 0L) / 1024,
                    processCount.getOrDefault(name, 0)));
        }
        return usage;
    }

    public synchronized MachineUsage machine() {
        long total = 0;
        long idle = machineLast[3] - machineFirst[3];
        long iowait = machineLast[4] - machineFirst[4];
        for (int i = 0; i < machineFirst.length; i++) {
            total += machineLast[i] - machineFirst[i];
        }
        if (total == 0) {
            return new MachineUsage(cores, 0, 0, 0);
        }
        return new MachineUsage(cores, 100.0 * (total - idle - iowait) / total, 100.0 * iowait / total,
                (stoppedNanos - startedNanos) / 1e9);
    }

    private void sampleEverySecond() {
        while (running) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException stopped) {
                return;
            }
            sampleOnce();
        }
    }

    private synchronized void sampleOnce() {
        long now = System.nanoTime();
        Map<Long, List<Long>> children = childrenByParent();
        for (var process : pids.entrySet()) {
            List<Long> tree = withChildren.contains(process.getKey())
                    ? withDescendants(process.getValue(), children) : List.of(process.getValue());
            long ticks = 0;
            long rssKb = 0;
            for (long pid : tree) {
                ticks += cpuTicks(pid);
                rssKb += rssKb(pid);
            }
            String name = process.getKey();
            long[] sample = {ticks, now};
            long[] before = previous.put(name, sample);
            first.putIfAbsent(name, sample);
            if (before != null && now > before[1]) {
                double cpu = (ticks - before[0]) / TICKS_PER_SECOND / ((now - before[1]) / 1e9) * 100;
                peakCpu.merge(name, cpu, Math::max);
            }
            peakRssKb.merge(name, rssKb, Math::max);
            lastRssKb.put(name, rssKb);
            processCount.put(name, tree.size());
        }
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        String[] stat = stat(Long.parseLong(name));
                        if (stat != null) {
                            children.computeIfAbsent(Long.parseLong(stat[1]), unused -> new ArrayList<>()).add(Long.parseLong(name));
                        }
                    });
        } catch (IOException e) {
            return Map.of();
        }
        return children;
    }

    /** The process and every process below it (PostgreSQL's backends are the postmaster's children). */
    private static List<Long> withDescendants(long root, Map<Long, List<Long>> children) {
        List<Long> tree = new ArrayList<>(List.of(root));
        for (int i = 0; i < tree.size(); i++) {
            tree.addAll(children.getOrDefault(tree.get(i), List.of()));
        }
        return tree;
    }

    /** Fields of {@code /proc/<pid>/stat} after the command name: [0] = state, [1] = ppid, [11] = utime, [12] = stime. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static long cpuTicks(long pid) {
        String[] stat = stat(pid);
        return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    private static long rssKb(long pid) {
        try {
            String[] statm = Files.readString(Path.of("/proc", Long.toString(pid), "statm")).trim().split(" ");
            return Long.parseLong(statm[1]) * PAGE_KB;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Every core of the machine, whatever this JVM is pinned to. */
    private static int onlineCores() {
        try {
            return (int) Files.readAllLines(Path.of("/proc/stat")).stream().filter(line -> line.matches("cpu\\d+ .*")).count();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** user, nice, system, idle, iowait, irq, softirq, steal. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] ticks = new long[8];
            for (int i = 0; i < ticks.length; i++) {
                ticks[i] = Long.parseLong(cpu[i + 1]);
            }
            return ticks;
        } catch (IOException e) {
            return new long[8];
        }
    }
}
