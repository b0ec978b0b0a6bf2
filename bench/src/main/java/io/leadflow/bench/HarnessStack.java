package io.leadflow.bench;

import io.leadflow.bench.records.EngineRecords;
import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.LocalStack;
import io.leadflow.localstack.LoopbackLoadLimits;
import io.leadflow.localstack.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** The local stack as the bench and chaos runs use it: a fresh data directory, sinks, built artifacts. */
public final class HarnessStack {

    /**
     * Where the notifier says each SMS's status goes; the sink only records it (it calls nothing),
     * and its last path segment tells which touch an SMS delivers.
     */
    private static final String STATUS_CALLBACK_BASE_URL = "http://127.0.0.1:9";

    private HarnessStack() {
    }

    public static Path benchTarget() {
        return RepoRoot.locate().resolve("bench").resolve("target");
    }

    public static LocalStack start(Path dataDir, LeadflowService... services) {
        deleteRecursively(dataDir);
        return LocalStack.builder(dataDir)
                .sourceKey(LocalStack.DEMO_SOURCE_ID, LocalStack.randomSecret(24))
                .services(services)
                .serviceEnvironment(LeadflowService.LEAD_INTAKE, LoopbackLoadLimits.intakeEnvironment())
                .serviceEnvironment(LeadflowService.NOTIFIER, Map.of(
                        "LEADFLOW_NOTIFIER_SMS_STATUS_CALLBACK_BASE_URL", STATUS_CALLBACK_BASE_URL))
                .start();
    }

    public static URI intakeUri(LocalStack stack) {
        return URI.create(stack.serviceUrl(LeadflowService.LEAD_INTAKE) + "/api/leads");
    }

    public static String sourceKey(LocalStack stack) {
        return stack.sourceKeys().get(LocalStack.DEMO_SOURCE_ID);
    }

    public static EngineRecords records(LocalStack stack) {
        return new EngineRecords(stack.jdbcUrl(), stack.postgres().username(), stack.postgres().password());
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + dir, e);
        }
    }

    /** {@code /proc/loadavg}'s 1, 5 and 15 minute figures: how busy the shared machine was. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
