package io.leadflow.localstack.kafka;

import io.leadflow.localstack.process.ChildProcess;
import io.leadflow.localstack.process.LocalPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node KRaft Kafka (broker and controller in one) running in its own JVM. Its data
 * directory is kept: starting again on the same directory keeps the topics and records.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final long SEVEN_DAYS_MS = Duration.ofDays(7).toMillis();
    private static final long THIRTY_DAYS_MS = Duration.ofDays(30).toMillis();

    private final ChildProcess process;
    private final String bootstrapServers;
    private final Path dataDir;

    private KafkaBroker(ChildProcess process, String bootstrapServers, Path dataDir) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    /**
     * Starts the broker and waits until it answers.
     *
     * @param dataDir holds {@code server.properties}, the log segments and {@code broker.log}
     * @param port    client port on 127.0.0.1; 0 picks a free one
     */
    public static KafkaBroker start(Path dataDir, int port) {
        Path libs = KafkaLibs.locate();
        int clientPort = LocalPorts.resolve(port);
        int controllerPort = LocalPorts.resolve(0);
        Path logDir = dataDir.resolve("logs");
        Path config = dataDir.resolve("server.properties");
        Path brokerLog = dataDir.resolve("broker.log");
        writeConfig(config, logDir, clientPort, controllerPort);

        String classpath = libs.resolve("*").toString();
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            ChildProcess.runToCompletion("kafka-storage-format",
                    List.of("java", "-cp", classpath, "kafka.tools.StorageTool", "format",
                            "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                    brokerLog, Duration.ofSeconds(120));
        }
        ChildProcess process = ChildProcess.start("kafka",
                List.of("java", "-Xmx512m", "-Xms512m", "-cp", classpath,
                        "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
                        "kafka.Kafka", config.toString()),
                Map.of(), brokerLog);
        KafkaBroker broker = new KafkaBroker(process, "127.0.0.1:" + clientPort, dataDir);
        try {
            broker.awaitReady(clientPort);
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }

    /**
     * Creates the topics that do not exist yet, with replication factor 1 and a bounded retention
     * (7 days; 30 days for dead-letter topics, whose names end in {@code .dlq}).
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)
                        .configs(Map.of("retention.ms", Long.toString(
                                topic.getKey().endsWith(".dlq") ? THIRTY_DAYS_MS : SEVEN_DAYS_MS))))
                .toList();
        try (Admin admin = admin()) {
            for (var created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + created.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics", e);
        }
    }

    /** After {@link #stop()}: a new broker on the same port and data directory (topics and records kept). */
    public KafkaBroker startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException("The broker on port " + port() + " is still running");
        }
        return start(dataDir, port());
    }

    /** SIGTERM (controlled shutdown), then SIGKILL after 20 seconds. */
    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        stop();
    }

    private Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        return Admin.create(properties);
    }

    private void awaitReady(int clientPort) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception lastFailure = null;
        // the admin client logs a warning per refused connection: let the broker listen first
        while (!listening(clientPort) && process.isAlive() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited during startup; log " + process.logFile()
                            + ":\n" + process.logTail(40));
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    lastFailure = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
        throw new IllegalStateException("Kafka was not ready within " + READY_TIMEOUT + " (" + lastFailure
                + "); log " + process.logFile() + ":\n" + process.logTail(40));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private static void writeConfig(Path config, Path logDir, int clientPort, int controllerPort) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDir.toAbsolutePath().toString());
        properties.put("num.partitions", "1");
        properties.put("default.replication.factor", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "10");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "10");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "false");
        properties.put("log.retention.hours", "168");
        properties.put("log.retention.bytes", Long.toString(1L << 30));
        properties.put("log.segment.bytes", Long.toString(64L << 20));
        try {
            Files.createDirectories(logDir);
            try (Writer writer = Files.newBufferedWriter(config)) {
                properties.store(writer, "generated by Leadflow's local stack; rewritten at every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + config, e);
        }
    }
}
