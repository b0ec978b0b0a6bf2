package io.leadflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pins this JVM (every thread, and threads it starts later) to the last core with {@code taskset},
 * after the stack's processes were started, so they keep every core.
 */
final class PinToOneCore {

    private PinToOneCore() {
    }

    /** Says where the generator runs, for the report. */
    static String pinThisJvm() throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2) {
            return "not pinned (one core)";
        }
        if (!Files.isExecutable(Path.of("/usr/bin/taskset")) && !Files.isExecutable(Path.of("/bin/taskset"))) {
            return "not pinned (no taskset)";
        }
        String core = Integer.toString(cores - 1);
        try {
            Process taskset = new ProcessBuilder(List.of("taskset", "-a", "-p", "-c", core,
                    Long.toString(ProcessHandle.current().pid())))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean done = taskset.waitFor(10, TimeUnit.SECONDS);
            return done && taskset.exitValue() == 0 ? "core " + core + " (taskset -a -p -c " + core + ")"
                    : "not pinned (taskset failed)";
        } catch (IOException e) {
            return "not pinned (" + e.getMessage() + ")";
        }
    }
}
