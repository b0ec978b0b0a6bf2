package io.leadflow.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Makes sure an OS process dies when this JVM dies, even by {@code kill -9}: a tiny {@code sh}
 * watcher blocks reading a pipe that only this JVM holds open; when the JVM dies the pipe hits
 * EOF and the watcher signals the process, then kills it if it is still alive after 5 seconds.
 */
public final class ProcessGuard {

    private static final String WATCHER_SCRIPT = """
            cat >/dev/null
            kill -"$1" "$0" 2>/dev/null
            i=0
            while kill -0 "$0" 2>/dev/null && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i+1)); done
            kill -KILL "$0" 2>/dev/null
            """;

    private final Process watcher;

    private ProcessGuard(Process watcher) {
        this.watcher = watcher;
    }

    /** Guards {@code pid}; {@code signal} (e.g. TERM, INT) is what it gets first if we die. */
    public static ProcessGuard watch(long pid, String signal) {
        // setsid: a Ctrl-C in the terminal must reach only us, so we can stop things in order
        ProcessBuilder builder = new ProcessBuilder(
                List.of("setsid", "sh", "-c", WATCHER_SCRIPT, Long.toString(pid), signal))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return new ProcessGuard(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the process guard for pid " + pid, e);
        }
    }

    /** Call once the guarded process has been stopped: the watcher goes away without signalling. */
    public void release() {
        // kill the shell first, so that closing the pipe can no longer trigger the kill
        watcher.destroyForcibly();
        try {
            watcher.getOutputStream().close();
            watcher.waitFor();
        } catch (IOException ignored) {
            // the pipe is already gone: so is the watcher
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
