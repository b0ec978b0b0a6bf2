package io.leadflow.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An OS process whose output goes to a log file and which never outlives this JVM
 * (see {@link ProcessGuard}).
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final ProcessGuard guard;
    private final Path logFile;
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, ProcessGuard guard, Path logFile) {
        this.name = name;
        this.process = process;
        this.guard = guard;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} with this JVM's environment plus {@code environment}; stdout and
     * stderr are appended to {@code logFile}.
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path logFile) {
        return start(name, command, base -> base.putAll(environment), logFile);
    }

    /** As above, with full control over the inherited environment (e.g. to remove variables). */
    public static ChildProcess start(String name, List<String> command, Consumer<Map<String, String>> environment,
                                     Path logFile) {
        List<String> sessionCommand = new ArrayList<>();
        // own session: a Ctrl-C in the terminal reaches only us, and we stop children in order
        sessionCommand.add("setsid");
        sessionCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(sessionCommand)
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        environment.accept(builder.environment());
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = builder.start();
            return new ChildProcess(name, process, ProcessGuard.watch(process.pid(), "TERM"), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Runs {@code action} with the exit code if the process ends without {@link #stop} being called. */
    public void onUnexpectedExit(Consumer<Integer> action) {
        process.onExit().thenAccept(exited -> {
            if (!stopping) {
                action.accept(exited.exitValue());
            }
        });
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        return tail(logFile, lines);
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}. */
    public void stop(Duration grace) {
        stopping = true;
        try {
            process.destroy();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            guard.release();
        }
    }

    /** SIGKILL without warning, as a crash would (for chaos runs); waits until it is gone. */
    public void kill() {
        stopping = true;
        try {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            guard.release();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }

    /** Runs a short-lived command to completion, failing with its output if it does not exit 0. */
    public static void runToCompletion(String name, List<String> command, Path logFile, Duration timeout) {
        ChildProcess child = start(name, command, Map.of(), logFile);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout + ":\n" + child.logTail(30));
            }
            if (child.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed with exit code " + child.process.exitValue()
                        + ":\n" + child.logTail(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        } finally {
            child.stop(Duration.ofSeconds(5));
        }
    }

    public static String tail(Path file, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }
}
