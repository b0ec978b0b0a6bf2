package io.leadflow.localstack.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) running as a child process. */
public final class QuarkusService implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /**
     * The services' live heap is 20-30 MB after a load: a small initial heap that grows on demand keeps the RSS
     * near what is used (the JVM's default committed 256 MB up front). Same flags as the Dockerfiles.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms24m", "-Xmx160m", "-XX:+UseSerialGC");

    private final ChildProcess process;
    private final int port;

    private QuarkusService(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Launches the app without waiting for it; call {@link #awaitReady()} next (this way several
     * apps can boot side by side).
     *
     * @param environment applied on top of this JVM's environment, after {@code removeInherited}
     *                    has had its say; must contain {@code QUARKUS_HTTP_PORT}
     */
    public static QuarkusService launch(String name, Path runnerJar, Map<String, String> environment,
                                        Consumer<Map<String, String>> removeInherited, Path logFile) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException(runnerJar + " is missing: run ./mvnw -B -DskipTests package first");
        }
        int port = Integer.parseInt(environment.get("QUARKUS_HTTP_PORT"));
        Map<String, String> childEnvironment = new HashMap<>(environment);
        // glibc gives each busy thread its own malloc arena (64 MB reserved, part of it touched); two are plenty
        childEnvironment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", runnerJar.toString()));
        ChildProcess process = ChildProcess.start(name, command,
                inherited -> {
                    removeInherited.accept(inherited);
                    inherited.putAll(childEnvironment);
                },
                logFile);
        return new QuarkusService(process, port);
    }

    /** Blocks until {@code /q/health/ready} answers 200. */
    public QuarkusService awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                // a loaded machine can take seconds to answer a health check; the overall bound stays READY_TIMEOUT
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited during startup; log "
                        + process.logFile() + ":\n" + process.logTail(40));
            }
            try {
                lastStatus = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return this;
                }
            } catch (java.io.IOException notListeningYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + process.name(), e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(process.name() + " was not ready within " + READY_TIMEOUT
                + " (last /q/health/ready status " + lastStatus + "); log " + process.logFile() + ":\n"
                + process.logTail(40));
    }

    public String name() {
        return process.name();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash would. */
    public void kill() {
        process.kill();
    }

    public void onUnexpectedExit(Consumer<Integer> action) {
        process.onUnexpectedExit(action);
    }

    public void stop() {
        process.stop(Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
