package io.leadflow.localstack;

import io.leadflow.localstack.kafka.KafkaBroker;
import io.leadflow.localstack.mail.MailCatcher;
import io.leadflow.localstack.postgres.Postgres;
import io.leadflow.localstack.sms.SmsSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Infrastructure shared by all tests of one JVM: each part starts on first use, at most once, on
 * free ports, with its data under {@code java.io.tmpdir}; a shutdown hook stops everything (in
 * reverse order) and deletes the data when the JVM exits.
 */
public final class SharedLocalStack {

    public static final String SMS_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String SMS_AUTH_TOKEN = "local-stack-test-auth-token";
    public static final String SMS_FROM_NUMBER = LocalStack.DEFAULT_SMS_FROM_NUMBER;

    private static final Path DATA_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "leadflow-local-stack-" + ProcessHandle.current().pid());
    private static final Deque<AutoCloseable> STARTED = new ArrayDeque<>();
    private static KafkaBroker kafka;
    private static Postgres postgres;
    private static MailCatcher mailCatcher;
    private static SmsSink smsSink;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedLocalStack::stopAll, "shared-local-stack-stop"));
    }

    private SharedLocalStack() {
    }

    /** The broker, with every topic of {@link LocalStack#TOPICS} created. */
    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = remember(() -> {
                KafkaBroker broker = KafkaBroker.start(DATA_DIR.resolve("kafka"), 0);
                broker.createTopics(LocalStack.TOPICS);
                return broker;
            });
        }
        return kafka;
    }

    /**
     * For outage tests: a controlled shutdown of the shared broker, then {@code whileDown}, then the broker again
     * on the same port with its topics and records (also when {@code whileDown} fails), ready when this returns.
     */
    public static void withKafkaDown(Runnable whileDown) {
        KafkaBroker stopped = kafka();
        stopped.stop();
        try {
            whileDown.run();
        } finally {
            startAgain(stopped);
        }
    }

    private static synchronized void startAgain(KafkaBroker stopped) {
        kafka = stopped.startAgain();
        replaceStarted(stopped, kafka);
    }

    /**
     * For outage tests: a fast shutdown of the shared PostgreSQL (clients see "terminating connection
     * due to administrator command", then refused connections), then {@code whileDown}, then the same
     * cluster again on the same port (also when {@code whileDown} fails), ready when this returns.
     */
    public static void withPostgresDown(Runnable whileDown) {
        Postgres stopped = postgres();
        stopped.stop();
        try {
            whileDown.run();
        } finally {
            startAgain(stopped);
        }
    }

    private static synchronized void startAgain(Postgres stopped) {
        postgres = stopped.startAgain();
        replaceStarted(stopped, postgres);
    }

    private static void replaceStarted(AutoCloseable stopped, AutoCloseable started) {
        List<AutoCloseable> parts = new ArrayList<>(STARTED); // keeps the stop order
        parts.replaceAll(part -> part == stopped ? started : part);
        STARTED.clear();
        STARTED.addAll(parts);
    }

    /** PostgreSQL with database {@value LocalStack#DATABASE} created. */
    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = remember(() -> {
                Postgres started = Postgres.start(DATA_DIR.resolve("postgres"), 0);
                started.createDatabaseIfMissing(LocalStack.DATABASE);
                return started;
            });
        }
        return postgres;
    }

    public static synchronized MailCatcher mailCatcher() {
        if (mailCatcher == null) {
            mailCatcher = remember(() -> MailCatcher.start(0, 0));
        }
        return mailCatcher;
    }

    /** The SMS sink, accepting {@link #SMS_ACCOUNT_SID} / {@link #SMS_AUTH_TOKEN}. */
    public static synchronized SmsSink smsSink() {
        if (smsSink == null) {
            smsSink = remember(() -> SmsSink.start(0, SMS_ACCOUNT_SID, SMS_AUTH_TOKEN));
        }
        return smsSink;
    }

    private static <T extends AutoCloseable> T remember(Supplier<T> start) {
        T started = start.get();
        STARTED.push(started);
        return started;
    }

    private static synchronized void stopAll() {
        while (!STARTED.isEmpty()) {
            try {
                STARTED.pop().close();
            } catch (Exception e) {
                System.err.println("Could not stop a shared local-stack part: " + e);
            }
        }
        deleteRecursively(DATA_DIR);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e);
        }
    }
}
