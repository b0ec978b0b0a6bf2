package io.leadflow.localstack;

import io.leadflow.localstack.kafka.KafkaBroker;
import io.leadflow.localstack.mail.MailCatcher;
import io.leadflow.localstack.postgres.Postgres;
import io.leadflow.localstack.process.LocalPorts;
import io.leadflow.localstack.process.QuarkusService;
import io.leadflow.localstack.sms.SmsSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Everything Leadflow needs on one machine, without Docker: a Kafka broker with the topics, a
 * PostgreSQL with database {@code leadflow}, a mail catcher and an SMS sink (unless real providers
 * are asked for), and optionally the three services, wired to all of it. Every port defaults to
 * 0 (a free port), so tests can run beside a running stack.
 *
 * <pre>{@code
 * LocalStack stack = LocalStack.builder(dataDir)
 *         .services(LeadflowService.values())
 *         .serviceEnvironment(LeadflowService.CADENCE_ENGINE, Map.of("LEADFLOW_ENGINE_PLAYBOOK_FILE", "..."))
 *         .start();
 * stack.serviceUrl(LeadflowService.LEAD_INTAKE); stack.smsSink().messages(); stack.stop();
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    /** Every topic with its partition count; each has a one-partition {@code .dlq} twin. */
    public static final Map<String, Integer> TOPICS = topics(Map.of(
            "leads.received", 6,
            "touches.due", 6,
            "touches.due.priority", 6,
            "touches.results", 6,
            "leads.activity", 6));

    public static final String DATABASE = "leadflow";
    public static final String DEMO_SOURCE_ID = "demo-web";
    /** Two of the demo team the engine seeds for local runs (leadflow.engine.demo-team). */
    public static final String DEMO_REP_EMAIL = "dana@oakridge-homes.test";
    public static final String DEMO_MANAGER_EMAIL = "morgan@oakridge-homes.test";
    /** Twilio's magic "from" number for test credentials. */
    public static final String DEFAULT_SMS_FROM_NUMBER = "+15005550006";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> PROVIDER_ENV_PREFIXES = List.of("QUARKUS_MAILER_", "LEADFLOW_NOTIFIER_SMS_");

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, Duration> startupTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<LeadflowService, QuarkusService> services = new EnumMap<>(LeadflowService.class);
    private final Map<LeadflowService, Integer> resolvedServicePorts = new EnumMap<>(LeadflowService.class);
    private final Builder settings;
    private KafkaBroker kafka;
    private Postgres postgres;
    private MailCatcher mailCatcher;
    private SmsSink smsSink;

    private LocalStack(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    /** JDBC URL of database {@code leadflow}; user and password from {@link #postgres()}. */
    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    public MailCatcher mailCatcher() {
        if (mailCatcher == null) {
            throw new IllegalStateException("No mail catcher: the stack runs with real providers");
        }
        return mailCatcher;
    }

    public SmsSink smsSink() {
        if (smsSink == null) {
            throw new IllegalStateException("No SMS sink: the stack runs with real providers");
        }
        return smsSink;
    }

    public boolean usesRealProviders() {
        return settings.realProviderEnvironment != null;
    }

    public Set<LeadflowService> runningServices() {
        return Collections.unmodifiableSet(services.keySet());
    }

    public QuarkusService service(LeadflowService service) {
        QuarkusService running = services.get(service);
        if (running == null) {
            throw new IllegalStateException(service.module() + " was not started");
        }
        return running;
    }

    public String serviceUrl(LeadflowService service) {
        return service(service).baseUrl();
    }

    /** Plain source keys by source id, as lead-intake's callers present them. */
    public Map<String, String> sourceKeys() {
        return settings.sourceKeys;
    }

    public String opsToken() {
        return settings.opsToken;
    }

    /** The demo reps' rep-inbox password: stable for a data dir, like the ops token it comes from. */
    public String inboxDemoPassword() {
        return "inbox-" + sha256Hex("rep-inbox:" + settings.opsToken).substring(0, 12);
    }

    /** How long each part took to become ready, in the order they became ready. */
    public Map<String, Duration> startupTimes() {
        synchronized (startupTimes) {
            return new LinkedHashMap<>(startupTimes);
        }
    }

    /**
     * For chaos runs: SIGKILLs a service, as a crash would, then launches it again on the same port
     * with the same environment and waits until it is ready.
     */
    public synchronized QuarkusService killAndRestart(LeadflowService service) {
        return restart(service, QuarkusService::kill);
    }

    /** As a deploy does it: SIGTERM (a graceful stop, SIGKILL after 15 s), then the same launch. */
    public synchronized QuarkusService stopAndRestart(LeadflowService service) {
        return restart(service, QuarkusService::stop);
    }

    private QuarkusService restart(LeadflowService service, Consumer<QuarkusService> end) {
        QuarkusService ended = service(service);
        end.accept(ended);
        QuarkusService restarted = launch(service, resolvedServicePorts);
        replaceStarted(ended, restarted);
        services.put(service, restarted);
        return restarted.awaitReady();
    }

    /** For chaos runs: a controlled broker shutdown, then a start on the same port and data. */
    public synchronized void restartKafka() {
        KafkaBroker stopped = kafka;
        stopped.stop();
        kafka = stopped.startAgain();
        replaceStarted(stopped, kafka);
    }

    /** For chaos runs: a fast PostgreSQL shutdown (connections are cut), then a start on the same port and data. */
    public synchronized void restartPostgres() {
        Postgres stopped = postgres;
        stopped.stop();
        postgres = Postgres.start(settings.dataDir.resolve("postgres"), stopped.port());
        replaceStarted(stopped, postgres);
    }

    /** Stops everything that was started, in reverse order. Safe to call more than once. */
    public synchronized void stop() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Could not stop every part of the local stack", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startAll() {
        Path dataDir = settings.dataDir;
        CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(
                () -> timed("Kafka", () -> KafkaBroker.start(dataDir.resolve("kafka"), settings.kafkaPort)));
        try {
            postgres = remember(timed("PostgreSQL", () -> {
                Postgres started = Postgres.start(dataDir.resolve("postgres"), settings.postgresPort);
                started.createDatabaseIfMissing(DATABASE);
                return started;
            }));
            if (!usesRealProviders()) {
                mailCatcher = remember(timed("Mail catcher", () -> MailCatcher.start(settings.smtpPort, settings.mailPagePort)));
                smsSink = remember(timed("SMS sink", () -> SmsSink.start(settings.smsSinkPort, settings.smsAccountSid, settings.smsAuthToken)));
            }
            kafka = remember(kafkaStart.join());
            timed("Kafka topics", () -> {
                kafka.createTopics(TOPICS);
                return null;
            });
            startServices();
        } catch (RuntimeException e) {
            if (kafka == null) {
                kafkaStart.thenAccept(KafkaBroker::stop);
            }
            stop();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void startServices() {
        Map<LeadflowService, Integer> ports = new EnumMap<>(LeadflowService.class);
        for (LeadflowService service : settings.services) {
            ports.put(service, LocalPorts.resolve(settings.servicePorts.getOrDefault(service, 0)));
        }
        resolvedServicePorts.putAll(ports);
        Map<LeadflowService, CompletableFuture<QuarkusService>> readiness = new EnumMap<>(LeadflowService.class);
        for (LeadflowService service : settings.services) {
            long launchedAt = System.nanoTime();
            QuarkusService launched = remember(launch(service, ports));
            services.put(service, launched);
            readiness.put(service, CompletableFuture.supplyAsync(() -> {
                launched.awaitReady();
                startupTimes.put(service.module(), Duration.ofNanos(System.nanoTime() - launchedAt));
                return launched;
            }));
        }
        readiness.values().forEach(CompletableFuture::join);
    }

    private QuarkusService launch(LeadflowService service, Map<LeadflowService, Integer> ports) {
        return QuarkusService.launch(service.module(),
                settings.repoRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar"),
                environmentFor(service, ports),
                inherited -> inherited.keySet().removeIf(name -> PROVIDER_ENV_PREFIXES.stream().anyMatch(name::startsWith)),
                settings.dataDir.resolve("logs").resolve(service.module() + ".log"));
    }

    /** Keeps the stop order when a part is replaced by its restarted self. */
    private void replaceStarted(AutoCloseable old, AutoCloseable replacement) {
        List<AutoCloseable> order = new java.util.ArrayList<>(started);
        started.clear();
        order.forEach(part -> started.addLast(part == old ? replacement : part));
    }

    private Map<String, String> environmentFor(LeadflowService service, Map<LeadflowService, Integer> ports) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        switch (service) {
            case LEAD_INTAKE -> {
                putDatasource(env);
                env.put("LEADFLOW_INTAKE_ADMIN_TOKEN", settings.opsToken);
                env.put("LEADFLOW_INTAKE_PUBLIC_BASE_URL", "http://127.0.0.1:" + ports.get(service));
                env.put("LEADFLOW_INTAKE_SOURCE_KEYS", settings.sourceKeys.entrySet().stream()
                        .map(source -> source.getKey() + "=" + sha256Hex(source.getValue()))
                        .collect(Collectors.joining(",")));
                int enginePort = ports.getOrDefault(LeadflowService.CADENCE_ENGINE,
                        settings.servicePorts.getOrDefault(LeadflowService.CADENCE_ENGINE, LeadflowService.CADENCE_ENGINE.defaultPort()));
                env.put("LEADFLOW_INTAKE_TIMELINE_BASE_URL", "http://127.0.0.1:" + enginePort);
            }
            case CADENCE_ENGINE -> {
                putDatasource(env);
                env.put("LEADFLOW_ENGINE_BOOTSTRAP_OPS_TOKEN", settings.opsToken);
                env.put("LEADFLOW_ENGINE_DEMO_TEAM", "true");
                env.put("LEADFLOW_ENGINE_INBOX_DEMO_PASSWORD", inboxDemoPassword());
                env.put("LEADFLOW_ENGINE_CLAIM_SECRET", sha256Hex("claim-links:" + settings.opsToken));
                env.put("LEADFLOW_ENGINE_PUBLIC_URL", "http://localhost:" + ports.get(service));
            }
            case NOTIFIER -> {
                putDatasource(env);
                // stable for a data dir (the ops token is kept in its credentials), so opt-outs survive a restart
                env.put("LEADFLOW_NOTIFIER_ADDRESS_HASH_KEY", "local-" + settings.opsToken + "-address-hash");
                env.put("LEADFLOW_NOTIFIER_LINK_SIGNING_KEY", "local-" + settings.opsToken + "-link-signing");
                env.put("LEADFLOW_NOTIFIER_INBOUND_EMAIL_WEBHOOK_SECRET", "local-" + settings.opsToken + "-inbound-mail");
                // the ops token the banner prints also opens the notifier's preview API
                env.put("LEADFLOW_NOTIFIER_API_TOKEN", settings.opsToken);
                if (usesRealProviders()) {
                    env.putAll(settings.realProviderEnvironment);
                    env.put("QUARKUS_MAILER_MOCK", "false");
                } else {
                    env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
                    env.put("QUARKUS_MAILER_PORT", Integer.toString(mailCatcher.smtpPort()));
                    env.put("QUARKUS_MAILER_MOCK", "false");
                    env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
                    env.put("QUARKUS_MAILER_TLS", "false");
                    // email replies (reply+<token>@reply.leadflow.local) land in the catcher's IMAP mailbox
                    env.put("LEADFLOW_NOTIFIER_INBOUND_EMAIL_IMAP_HOST", "127.0.0.1");
                    env.put("LEADFLOW_NOTIFIER_INBOUND_EMAIL_IMAP_PORT", Integer.toString(mailCatcher.imapPort()));
                    env.put("LEADFLOW_NOTIFIER_INBOUND_EMAIL_IMAP_SSL", "false");
                    env.put("LEADFLOW_NOTIFIER_INBOUND_EMAIL_IMAP_USER", MailCatcher.REPLY_MAILBOX);
                    env.put("LEADFLOW_NOTIFIER_INBOUND_EMAIL_IMAP_PASSWORD", MailCatcher.REPLY_PASSWORD);
                    env.put("LEADFLOW_NOTIFIER_SMS_BASE_URL", smsSink.baseUrl());
                    env.put("LEADFLOW_NOTIFIER_SMS_ACCOUNT_SID", smsSink.accountSid());
                    env.put("LEADFLOW_NOTIFIER_SMS_AUTH_TOKEN", smsSink.authToken());
                    env.put("LEADFLOW_NOTIFIER_SMS_FROM_NUMBER", settings.smsFromNumber);
                    // the sink is no carrier: paced at a long code's 1 segment/s, its one number would hold every text up
                    env.put("LEADFLOW_NOTIFIER_SMS_PACING_ENABLED", "false");
                }
            }
        }
        env.putAll(settings.serviceEnvironment.getOrDefault(service, Map.of()));
        return env;
    }

    private void putDatasource(Map<String, String> env) {
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }

    private <T> T timed(String part, Supplier<T> start) {
        long begin = System.nanoTime();
        T result = start.get();
        startupTimes.put(part, Duration.ofNanos(System.nanoTime() - begin));
        return result;
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random URL-safe secret with {@code bytes} bytes of entropy, hex encoded. */
    public static String randomSecret(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static Map<String, Integer> topics(Map<String, Integer> main) {
        Map<String, Integer> all = new LinkedHashMap<>();
        main.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(topic -> {
            all.put(topic.getKey(), topic.getValue());
            all.put(topic.getKey() + ".dlq", 1);
        });
        return Collections.unmodifiableMap(all);
    }

    /** Settings of a {@link LocalStack}; every port defaults to 0 (a free port). */
    public static final class Builder {
        private final Path dataDir;
        private Path repoRoot = RepoRoot.locate();
        private int kafkaPort;
        private int postgresPort;
        private int smtpPort;
        private int mailPagePort;
        private int smsSinkPort;
        private final Set<LeadflowService> services = EnumSet.noneOf(LeadflowService.class);
        private final Map<LeadflowService, Integer> servicePorts = new EnumMap<>(LeadflowService.class);
        private final Map<LeadflowService, Map<String, String>> serviceEnvironment = new EnumMap<>(LeadflowService.class);
        private final Map<String, String> sourceKeys = new LinkedHashMap<>();
        private String opsToken = randomSecret(24);
        private String smsAccountSid = "AC" + randomSecret(16);
        private String smsAuthToken = randomSecret(16);
        private String smsFromNumber = DEFAULT_SMS_FROM_NUMBER;
        private Map<String, String> realProviderEnvironment;

        private Builder(Path dataDir) {
            this.dataDir = dataDir.toAbsolutePath();
        }

        /** Where {@code <module>/target/quarkus-app} is looked up; found from the working directory by default. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot.toAbsolutePath();
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        public Builder mailPagePort(int port) {
            this.mailPagePort = port;
            return this;
        }

        public Builder smsSinkPort(int port) {
            this.smsSinkPort = port;
            return this;
        }

        /** Which services to start (none by default: infrastructure only). */
        public Builder services(LeadflowService... toStart) {
            services.addAll(List.of(toStart));
            return this;
        }

        public Builder servicePort(LeadflowService service, int port) {
            servicePorts.put(service, port);
            return this;
        }

        /** Extra environment for one service, applied last (so it can override anything). */
        public Builder serviceEnvironment(LeadflowService service, Map<String, String> environment) {
            serviceEnvironment.computeIfAbsent(service, unused -> new LinkedHashMap<>()).putAll(environment);
            return this;
        }

        /** A lead source lead-intake accepts; without any, {@value #DEMO_SOURCE_ID} gets a random key. */
        public Builder sourceKey(String sourceId, String plainKey) {
            sourceKeys.put(sourceId, plainKey);
            return this;
        }

        public Builder opsToken(String opsToken) {
            this.opsToken = opsToken;
            return this;
        }

        /** Credentials the SMS sink accepts and the notifier uses (random by default). */
        public Builder smsAccount(String accountSid, String authToken, String fromNumber) {
            this.smsAccountSid = accountSid;
            this.smsAuthToken = authToken;
            this.smsFromNumber = fromNumber;
            return this;
        }

        /**
         * Use real mail and SMS providers: no mail catcher or SMS sink is started, and the
         * notifier gets these {@code QUARKUS_MAILER_*} / {@code LEADFLOW_NOTIFIER_SMS_*} variables.
         */
        public Builder realProviders(Map<String, String> providerEnvironment) {
            this.realProviderEnvironment = Map.copyOf(providerEnvironment);
            return this;
        }

        /** Starts everything (Kafka alongside the rest) and returns once all of it is ready. */
        public LocalStack start() {
            if (sourceKeys.isEmpty()) {
                sourceKeys.put(DEMO_SOURCE_ID, randomSecret(24));
            }
            try {
                Files.createDirectories(dataDir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot create " + dataDir, e);
            }
            LocalStack stack = new LocalStack(this);
            stack.startAll();
            return stack;
        }
    }
}
