package io.leadflow.localstack.launcher;

import io.leadflow.localstack.mail.MailCatcher;

import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.LocalStack;
import io.leadflow.localstack.LoopbackLoadLimits;
import io.leadflow.localstack.RepoRoot;
import io.leadflow.localstack.mail.MailCatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code ./leadflow up}: the whole system on this machine, on fixed ports (overridable by env),
 * with data kept in one directory. Ctrl-C stops everything; nothing outlives this JVM.
 */
public final class LeadflowUp {

    private static final String USAGE = """
            Usage: ./leadflow up [--data-dir DIR] [--real-providers] [--infra-only]

              --data-dir DIR     where Kafka, PostgreSQL, logs and credentials live (default: <repo>/.leadflow-data)
              --real-providers   send real mail and SMS: no mail catcher or SMS sink; the notifier gets
                                 QUARKUS_MAILER_* and LEADFLOW_NOTIFIER_SMS_* from this environment
              --infra-only       only Kafka, PostgreSQL, the mail catcher and the SMS sink
                                 (e.g. to run the services with quarkus:dev)

            Ports (env): LEADFLOW_INTAKE_PORT 8080, LEADFLOW_ENGINE_PORT 8081, LEADFLOW_NOTIFIER_PORT 8082,
              LEADFLOW_KAFKA_PORT 9092, LEADFLOW_POSTGRES_PORT 15432, LEADFLOW_SMTP_PORT 2525,
              LEADFLOW_MAIL_PAGE_PORT 8025, LEADFLOW_SMS_SINK_PORT 8090
            """;
    private static final List<String> REQUIRED_PROVIDER_ENV = List.of("QUARKUS_MAILER_HOST",
            "LEADFLOW_NOTIFIER_SMS_ACCOUNT_SID", "LEADFLOW_NOTIFIER_SMS_AUTH_TOKEN", "LEADFLOW_NOTIFIER_SMS_FROM_NUMBER");
    private static final String SAMPLE_LEAD = """
            {"firstName":"Maria","lastName":"Lopez","email":"maria@example.com","phone":"+14155550123",\
            "message":"We are relocating in June and want a 3-bedroom near good schools",\
            "interest":{"community":"Oak Ridge","homeSize":"3 bedrooms","budget":"$450k","timeline":"June"},\
            "timeZone":"America/Los_Angeles","consent":{"sms":true,"email":true,"text":"I agree to receive texts"}}""";

    private LeadflowUp() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path repo = RepoRoot.locate();
        Path dataDir = repo.resolve(".leadflow-data");
        boolean realProviders = false;
        boolean infraOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> {
                    if (i + 1 == args.length) {
                        exitWithUsage("--data-dir needs a directory");
                    }
                    dataDir = Path.of(args[++i]).toAbsolutePath();
                }
                case "--real-providers" -> realProviders = true;
                case "--infra-only" -> infraOnly = true;
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> exitWithUsage("Unknown option " + args[i]);
            }
        }

        LaunchCredentials credentials = LaunchCredentials.loadOrCreate(dataDir);
        LocalStack.Builder builder = LocalStack.builder(dataDir)
                .repoRoot(repo)
                .kafkaPort(port("LEADFLOW_KAFKA_PORT", 9092))
                .postgresPort(port("LEADFLOW_POSTGRES_PORT", 15432))
                .smtpPort(port("LEADFLOW_SMTP_PORT", 2525))
                .mailPagePort(port("LEADFLOW_MAIL_PAGE_PORT", 8025))
                .smsSinkPort(port("LEADFLOW_SMS_SINK_PORT", 8090))
                .servicePort(LeadflowService.LEAD_INTAKE, port("LEADFLOW_INTAKE_PORT", LeadflowService.LEAD_INTAKE.defaultPort()))
                .servicePort(LeadflowService.CADENCE_ENGINE, port("LEADFLOW_ENGINE_PORT", LeadflowService.CADENCE_ENGINE.defaultPort()))
                .servicePort(LeadflowService.NOTIFIER, port("LEADFLOW_NOTIFIER_PORT", LeadflowService.NOTIFIER.defaultPort()))
                .sourceKey(LocalStack.DEMO_SOURCE_ID, credentials.demoSourceKey())
                // `./leadflow measure` posts dozens of leads a second from this machine
                .serviceEnvironment(LeadflowService.LEAD_INTAKE, LoopbackLoadLimits.intakeEnvironment())
                .opsToken(credentials.opsToken());
        if (!infraOnly) {
            builder.services(LeadflowService.values());
        }
        if (realProviders) {
            builder.realProviders(providerEnvironment());
        }

        System.out.println("Starting Leadflow (data in " + dataDir + ") ...");
        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = builder.start();
        } catch (RuntimeException e) {
            System.err.println("\nLeadflow did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Leadflow ...");
            stack.stop();
            System.out.println("Stopped.");
        }, "leadflow-stop"));
        for (LeadflowService service : stack.runningServices()) {
            stack.service(service).onUnexpectedExit(code -> System.err.printf(
                    "%n%s exited unexpectedly (exit code %d); see %s%n", service.module(), code, stack.service(service).logFile()));
        }
        System.out.println(banner(stack, dataDir, total));
        new CountDownLatch(1).await();
    }

    private static String banner(LocalStack stack, Path dataDir, Duration total) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Leadflow is up (").append(seconds(total)).append(") ===\n\n");
        if (stack.runningServices().contains(LeadflowService.LEAD_INTAKE)) {
            String intake = stack.serviceUrl(LeadflowService.LEAD_INTAKE);
            out.append(line("Lead intake", "POST " + intake + "/api/leads"));
        }
        if (stack.runningServices().contains(LeadflowService.CADENCE_ENGINE)) {
            out.append(line("Lead timeline", "GET  " + stack.serviceUrl(LeadflowService.CADENCE_ENGINE) + "/api/leads/{leadId}/timeline"));
            out.append(line("Ops board", stack.serviceUrl(LeadflowService.CADENCE_ENGINE) + "/ops/   (sign in with the ops token)"));
            out.append(line("Rep inbox", stack.serviceUrl(LeadflowService.CADENCE_ENGINE) + "/inbox/   (rep "
                    + LocalStack.DEMO_REP_EMAIL + " or manager " + LocalStack.DEMO_MANAGER_EMAIL + ", password "
                    + stack.inboxDemoPassword() + ")"));
        }
        for (LeadflowService service : stack.runningServices()) {
            String url = stack.serviceUrl(service);
            out.append(line(service.module(), url + "/q/health   " + url + "/q/metrics"));
        }
        if (stack.usesRealProviders()) {
            out.append(line("Mail and SMS", "REAL providers (from QUARKUS_MAILER_* and LEADFLOW_NOTIFIER_SMS_*)"));
        } else {
            out.append(line("Mail catcher", stack.mailCatcher().pageUrl() + "   (SMTP 127.0.0.1:" + stack.mailCatcher().smtpPort()
                    + "; replies: IMAP 127.0.0.1:" + stack.mailCatcher().imapPort() + " " + MailCatcher.REPLY_MAILBOX
                    + " / " + MailCatcher.REPLY_PASSWORD + ")"));
            out.append(line("SMS sink", stack.smsSink().pageUrl() + "   (Twilio-compatible API, account " + stack.smsSink().accountSid() + ")"));
        }
        out.append(line("Kafka", stack.kafkaBootstrapServers()));
        out.append(line("PostgreSQL", stack.jdbcUrl() + "   (user " + stack.postgres().username()
                + ", password " + stack.postgres().password() + ")"));
        out.append('\n');
        String sourceKey = stack.sourceKeys().get(LocalStack.DEMO_SOURCE_ID);
        out.append(line("Demo source key", sourceKey + "   (source " + LocalStack.DEMO_SOURCE_ID + ")"));
        out.append(line("Ops token", stack.opsToken()));
        if (stack.runningServices().contains(LeadflowService.LEAD_INTAKE)) {
            out.append("\nPost a lead:\n  curl -i -X POST ").append(stack.serviceUrl(LeadflowService.LEAD_INTAKE)).append("/api/leads \\\n")
                    .append("    -H 'Authorization: Bearer ").append(sourceKey).append("' \\\n")
                    .append("    -H 'Content-Type: application/json' \\\n")
                    .append("    -d '").append(SAMPLE_LEAD).append("'\n");
        }
        if (stack.runningServices().contains(LeadflowService.CADENCE_ENGINE)) {
            out.append("Then its timeline (leadId from the answer above):\n  curl -s ")
                    .append(stack.serviceUrl(LeadflowService.CADENCE_ENGINE)).append("/api/leads/<leadId>/timeline \\\n")
                    .append("    -H 'Authorization: Bearer ").append(stack.opsToken()).append("'\n");
        }
        out.append("\nStart times: ").append(stack.startupTimes().entrySet().stream()
                .map(part -> part.getKey() + " " + seconds(part.getValue()))
                .collect(Collectors.joining(", "))).append('\n');
        out.append("Logs: ").append(dataDir.resolve("logs")).append("/, ")
                .append(dataDir.resolve("kafka/broker.log")).append(", ").append(dataDir.resolve("postgres/postgres.log")).append('\n');
        out.append("Ctrl-C stops everything. Delete ").append(dataDir).append(" to start from scratch.\n");
        return out.toString();
    }

    private static String line(String label, String value) {
        return String.format("  %-16s %s%n", label, value);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    static int port(String envName, int defaultPort) {
        String value = System.getenv(envName);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            exitWithUsage(envName + " is not a port number: " + value);
            return defaultPort;
        }
    }

    private static Map<String, String> providerEnvironment() {
        Map<String, String> provided = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("QUARKUS_MAILER_") || name.startsWith("LEADFLOW_NOTIFIER_SMS_")) {
                provided.put(name, value);
            }
        });
        List<String> missing = REQUIRED_PROVIDER_ENV.stream()
                .filter(name -> provided.getOrDefault(name, "").isBlank())
                .toList();
        if (!missing.isEmpty()) {
            System.err.println("--real-providers needs " + String.join(", ", missing)
                    + " in the environment (plus any other QUARKUS_MAILER_* the relay needs). Nothing started.");
            System.exit(2);
        }
        return provided;
    }

    private static void exitWithUsage(String problem) {
        System.err.println(problem + "\n");
        System.err.print(USAGE);
        System.exit(2);
    }
}
