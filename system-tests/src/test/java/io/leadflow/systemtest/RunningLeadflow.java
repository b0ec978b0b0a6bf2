package io.leadflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.LocalStack;
import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.localstack.sms.ReceivedSms;

/**
 * The whole system, started once per test JVM for every class that extends with it: the three
 * built artifacts (quarkus-app jars), real Kafka, real PostgreSQL, the SMTP catcher and the SMS
 * sink. Stopped when the JVM's test run ends.
 */
public final class RunningLeadflow implements BeforeAllCallback {

    /** Later steps of the test playbook: a text 2 s and an email 4 s after the lead arrives. */
    private static final String TEST_PLAYBOOK = """
            id: e2e
            version: 1
            name: End-to-end test playbook
            steps:
              - { after: PT0S, channel: rep_alert, template: new-lead-alert, reason: New lead - call within 60 seconds }
              - { after: PT0S, channel: sms, template: first-text, reason: Answer within the first minute }
              - { after: PT0S, channel: email, template: first-email, reason: A written answer to their question }
              - { after: PT2S, channel: sms, template: same-day-text, reason: Follow up while it is still warm }
              - { after: PT4S, channel: email, template: questions-since-email, reason: Ask what questions came up }
            """;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningLeadflow.class, unused -> start(), Started.class);
    }

    static LocalStack stack() {
        return stack;
    }

    static String sourceKey() {
        return stack.sourceKeys().get(LocalStack.DEMO_SOURCE_ID);
    }

    static HttpResponse<String> postLead(String body, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.serviceUrl(LeadflowService.LEAD_INTAKE) + "/api/leads"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A lead's timeline, as an ops user reads it. */
    static JsonNode timeline(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + stack.opsToken())
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("timeline answer: %s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static List<ReceivedSms> smsTo(String phone) {
        return stack.smsSink().messages().stream()
                .filter(sms -> sms.to().equals(phone))
                .sorted(Comparator.comparing(ReceivedSms::receivedAt))
                .toList();
    }

    static List<CaughtMail> mailTo(String email) {
        return stack.mailCatcher().messages().stream()
                .filter(mail -> mail.to().contains(email))
                .sorted(Comparator.comparing(CaughtMail::receivedAt))
                .toList();
    }

    private static Started start() {
        try {
            Path dataDir = Files.createDirectories(Path.of("target", "e2e-data", "run-" + System.currentTimeMillis())).toAbsolutePath();
            Path playbook = Files.writeString(dataDir.resolve("e2e-playbook.yaml"), TEST_PLAYBOOK);
            stack = LocalStack.builder(dataDir)
                    .services(LeadflowService.values())
                    .serviceEnvironment(LeadflowService.CADENCE_ENGINE,
                            Map.of("LEADFLOW_ENGINE_PLAYBOOK_FILE", playbook.toString()))
                    // names each text's touch at the sink (ReceivedSms.touchId); the sink calls nothing back
                    .serviceEnvironment(LeadflowService.NOTIFIER, Map.of(
                            "LEADFLOW_NOTIFIER_SMS_STATUS_CALLBACK_BASE_URL", "http://127.0.0.1:9",
                            // an email reply is read well inside the 2 s before the playbook's next step
                            "LEADFLOW_NOTIFIER_INBOUND_EMAIL_IMAP_POLL_INTERVAL", "300ms"))
                    .start();
            warmUp();
            return new Started();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One lead through every path before the tests: the timing bounds in the tests are about the
     * scheduler, not about the JIT compiling each path for the first time in fresh JVMs.
     */
    private static void warmUp() throws IOException {
        TestLead lead = TestLead.withSmsConsent("Warm", true);
        try {
            assertThat(postLead(lead.json(), sourceKey()).statusCode()).isEqualTo(202);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(lead.phone()).size() == 2 && mailTo(lead.email()).size() == 2);
    }

    /** Stops the system when JUnit closes the root store, after the last test class. */
    private static final class Started implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            stack.stop();
        }
    }
}
