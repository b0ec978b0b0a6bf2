package io.leadflow.bench.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The JVM flags a process runs with: its command line, and what {@code jcmd VM.flags} says HotSpot chose. */
public final class JvmFlags {

    private JvmFlags() {
    }

    /** The command line as started (arguments separated by spaces). */
    public static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "(gone)";
        }
    }

    /** {@code jcmd <pid> VM.flags}: every flag set on the command line or by ergonomics; empty if jcmd fails. */
    public static String effective(long pid) {
        try {
            Process jcmd = new ProcessBuilder(List.of("jcmd", Long.toString(pid), "VM.flags"))
                    .redirectErrorStream(true).start();
            if (!jcmd.waitFor(15, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return "";
            }
            List<String> lines = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return lines.size() < 2 || jcmd.exitValue() != 0 ? "" : String.join(" ", lines.subList(1, lines.size())).trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
