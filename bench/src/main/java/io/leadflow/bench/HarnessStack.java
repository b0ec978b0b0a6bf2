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
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The local stack as the bench and chaos runs use it: a fresh data directory, sinks, built artifacts. */
public final class HarnessStack {

    /**
     * Where the notifier says each SMS's status goes; the sink only records it (it calls nothing),
     * and its last path segment tells which touch an SMS delivers.
     */
    private static final String STATUS_CALLBACK_BASE_URL = "http://127.0.0.1:9";

    /**
     * The notifier's public URL: it verifies Twilio signatures over this URL, never the Host
     * header, so the harness signs the inbound texts it posts over it too.
     */
    public static final String NOTIFIER_PUBLIC_BASE_URL = "http://notifier.harness.local";

    /** The sender pool of runs that declare none (chaos). */
    private static final int DEFAULT_SENDER_POOL = 200;

    private HarnessStack() {
    }

    public static Path benchTarget() {
        return RepoRoot.locate().resolve("bench").resolve("target");
    }

    /**
     * The chaos run's stack: every lead waits an hour for its claim, so the leads nobody claims do
     * not escalate every minute (each escalation alerts two more reps by SMS and email, which tripled
     * the notifier's work within three minutes and measured the escalation, not the faults).
     */
    public static LocalStack startForChaos(Path dataDir) {
        return builder(dataDir, DEFAULT_SENDER_POOL, true, LeadflowService.values())
                .serviceEnvironment(LeadflowService.CADENCE_ENGINE, Map.of("LEADFLOW_ENGINE_CLAIM_SLA", "1h"))
                .start();
    }

    /**
     * @param fromNumbers the notifier's SMS sender pool: that many numbers
     * @param smsPacing   each number paced like a US long code (1 segment/s, the notifier's default),
     *                    as in production; off for a pipeline-capacity run
     */
    public static LocalStack start(Path dataDir, int fromNumbers, boolean smsPacing, LeadflowService... services) {
        return builder(dataDir, fromNumbers, smsPacing, services).start();
    }

    private static LocalStack.Builder builder(Path dataDir, int fromNumbers, boolean smsPacing, LeadflowService... services) {
        deleteRecursively(dataDir);
        return LocalStack.builder(dataDir)
                .sourceKey(LocalStack.DEMO_SOURCE_ID, LocalStack.randomSecret(24))
                .services(services)
                .serviceEnvironment(LeadflowService.LEAD_INTAKE, LoopbackLoadLimits.intakeEnvironment())
                .serviceEnvironment(LeadflowService.NOTIFIER, Map.of(
                        "LEADFLOW_NOTIFIER_SMS_STATUS_CALLBACK_BASE_URL", STATUS_CALLBACK_BASE_URL,
                        "LEADFLOW_NOTIFIER_PUBLIC_BASE_URL", NOTIFIER_PUBLIC_BASE_URL,
                        "LEADFLOW_NOTIFIER_SMS_PACING_ENABLED", Boolean.toString(smsPacing),
                        "LEADFLOW_NOTIFIER_SMS_FROM_NUMBERS", senderPool(fromNumbers)));
    }

    /** +1 415 700 0000 onwards: the sink accepts any sender. */
    static String senderPool(int size) {
        return IntStream.range(0, size).mapToObj(HarnessStack::senderNumber).collect(Collectors.joining(","));
    }

    /** The {@code index}th number of the sender pool. */
    public static String senderNumber(int index) {
        return String.format(Locale.ROOT, "+1415700%04d", index);
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
