package io.leadflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static io.leadflow.systemtest.RunningLeadflow.mailTo;
import static io.leadflow.systemtest.RunningLeadflow.postLead;
import static io.leadflow.systemtest.RunningLeadflow.smsTo;
import static io.leadflow.systemtest.RunningLeadflow.sourceKey;
import static io.leadflow.systemtest.RunningLeadflow.stack;
import static io.leadflow.systemtest.RunningLeadflow.timeline;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.contracts.Topics;
import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.localstack.sms.ReceivedSms;

/**
 * The whole path on the three built artifacts (quarkus-app jars), real Kafka, real PostgreSQL,
 * the SMTP catcher and the SMS sink: a posted lead reaches the rep and the prospect.
 */
@ExtendWith(RunningLeadflow.class)
class WholePathIT {

    // The test playbook's later steps follow 2 s and 4 s after the first ones, so a wait for the
    // first messages asks for "at least one": "exactly one" could be overtaken by the next step.
    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of(System.getProperty("leadflow.home", ".."));
    /** The metric names in a PromQL expression: ours and the framework's, never functions or labels. */
    private static final Pattern METRIC_NAME = Pattern.compile("\\b(?:leadflow|http_server|jvm|process|kafka)_[a-z0-9_]+\\b");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldAlertTheRepAndTextAndEmailTheProspectWithinSecondsOfAPost() throws Exception {
        TestLead lead = TestLead.withSmsConsent("Maria", true);

        HttpResponse<String> response = postLead(lead.json(), sourceKey());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body());
        String leadId = accepted.get("leadId").asText();
        String timeline = accepted.at("/links/timeline").asText();
        assertThat(response.headers().firstValue("Location")).contains(timeline);
        assertThat(timeline).isEqualTo(stack().serviceUrl(LeadflowService.CADENCE_ENGINE) + "/api/leads/" + leadId + "/timeline");

        awaitDelivered("the prospect's first text and email", leadId, () -> !smsTo(lead.phone()).isEmpty() && !mailTo(lead.email()).isEmpty());
        assertThat(smsTo(lead.phone()).get(0).body()).as(() -> "the prospect's first text; " + timelineOrWhyNot(leadId))
                .contains(lead.firstName()).contains("STOP");
        CaughtMail email = mailTo(lead.email()).get(0);
        assertThat(email.text()).contains(lead.firstName());
        assertThat(email.html()).contains(lead.firstName());

        awaitDelivered("the rep's alert text and email", leadId, () -> repAlertSms(lead).size() == 1 && repAlertMail(lead).size() == 1);
        // the rep gets the number in national format, e.g. (415) 555-2017
        assertThat(repAlertSms(lead).get(0).body()).contains(lead.phone().substring(8)).contains("60 s");

        await().atMost(DELIVERY_BOUND).untilAsserted(() -> {
            JsonNode view = timeline(timeline);
            assertThat(view.get("speedToFirstTouchMs").isNumber()).as("speed to first touch recorded").isTrue();
            assertThat(view.get("speedToRepAlertMs").isNumber()).as("speed to rep alert recorded").isTrue();
            assertThat(view.get("speedToFirstTouchMs").asLong()).isBetween(0L, 5_000L);
            assertThat(view.get("speedToRepAlertMs").asLong()).isBetween(0L, 5_000L);
            assertThat(statuses(view, "alert")).containsOnly("accepted");
        });
    }

    @Test
    void shouldSendTheLaterStepsNoEarlierThanDueAndAtMostOneSecondAfter() throws Exception {
        TestLead lead = TestLead.withSmsConsent("Lena", true);

        HttpResponse<String> response = postLead(lead.json(), sourceKey());
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body());
        Instant receivedAt = Instant.parse(accepted.get("receivedAt").asText());

        String leadId = accepted.get("leadId").asText();
        awaitDelivered("the later text and email", leadId,
                () -> smsTo(lead.phone()).size() == 2 && mailTo(lead.email()).size() == 2);
        Instant followUpText = smsTo(lead.phone()).get(1).receivedAt();
        Instant followUpEmail = mailTo(lead.email()).get(1).receivedAt();

        assertThat(followUpText).as(() -> "the +2 s text at the sink; " + timelineOrWhyNot(leadId))
                .isBetween(receivedAt.plusSeconds(2), receivedAt.plusSeconds(3));
        assertThat(followUpEmail).as(() -> "the +4 s email at the catcher; " + timelineOrWhyNot(leadId))
                .isBetween(receivedAt.plusSeconds(4), receivedAt.plusSeconds(5));
    }

    @Test
    void shouldCarryOneTraceFromTheIntakeRequestToTheProspectsFirstTextAndItsResult() throws Exception {
        TestLead lead = TestLead.withSmsConsent("Tracy", true);
        HttpResponse<String> response = postLead(lead.json(), sourceKey());
        assertThat(response.statusCode()).isEqualTo(202);
        String leadId = JSON.readTree(response.body()).get("leadId").asText();
        awaitDelivered("the prospect's first text and email", leadId,
                () -> !smsTo(lead.phone()).isEmpty() && !mailTo(lead.email()).isEmpty());

        Map<String, Set<String>> traceIdsByTopic = new TreeMap<>();
        await().atMost(DELIVERY_BOUND).untilAsserted(() -> {
            traceIdsByTopic.clear();
            traceIdsByTopic.putAll(traceIdsOf(leadId, List.of(Topics.LEADS_RECEIVED, Topics.TOUCHES_DUE_PRIORITY, Topics.TOUCHES_RESULTS)));
            assertThat(traceIdsByTopic.keySet()).containsExactly(Topics.LEADS_RECEIVED, Topics.TOUCHES_DUE_PRIORITY, Topics.TOUCHES_RESULTS);
        });
        assertThat(traceIdsByTopic.values().stream().flatMap(Set::stream).distinct().toList())
                .as("trace ids on the lead's records, by topic: %s", traceIdsByTopic).hasSize(1);
    }

    @Test
    void shouldEmailButNeverTextAProspectWhoGaveNoSmsConsent() throws Exception {
        TestLead lead = TestLead.withSmsConsent("Omar", false);

        HttpResponse<String> response = postLead(lead.json(), sourceKey());
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body());
        String timeline = accepted.at("/links/timeline").asText();

        awaitDelivered("the prospect's email and the rep's alert", accepted.get("leadId").asText(),
                () -> !mailTo(lead.email()).isEmpty() && repAlertSms(lead).size() == 1);
        await().atMost(DELIVERY_BOUND).untilAsserted(() ->
                assertThat(statuses(timeline(timeline), "touch")).contains("accepted", "skipped"));
        assertThat(smsTo(lead.phone())).isEmpty();
    }

    @Test
    void shouldRefuseInvalidLeadsAndUnknownSourcesWithProblemDetails() throws Exception {
        HttpResponse<String> invalid = postLead("{\"firstName\":\"Ann\",\"email\":\"not-an-email\",\"phone\":\"12\"}", sourceKey());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(invalid.body()).get("errors").findValuesAsText("field")).contains("email", "phone");

        HttpResponse<String> unauthenticated = postLead(TestLead.withSmsConsent("Ann", true).json(), "not-a-source-key");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldExportEveryMetricTheOpsDashboardQueries() throws Exception {
        TestLead lead = TestLead.withSmsConsent("Nadia", true);
        HttpResponse<String> response = postLead(lead.json(), sourceKey());
        assertThat(response.statusCode()).isEqualTo(202);
        postLead("{}", sourceKey());
        awaitDelivered("the prospect's first text and email", JSON.readTree(response.body()).get("leadId").asText(),
                () -> !smsTo(lead.phone()).isEmpty() && !mailTo(lead.email()).isEmpty());

        Set<String> queried = metricNamesQueriedBy(REPO.resolve("deploy/grafana/dashboards/leadflow.json"));
        assertThat(queried).contains("leadflow_speed_to_first_touch_seconds_bucket", "leadflow_leads_received_total");

        await().atMost(DELIVERY_BOUND).untilAsserted(() -> {
            String exported = exportedMetrics();
            assertThat(queried).allSatisfy(metric ->
                    assertThat(exported).as("some service exports %s", metric).containsPattern("(?m)^" + metric + "[{ ]"));
        });
    }

    /**
     * Waits for messages at the sinks; when they do not come, the failure carries what the engine
     * knows of the lead and what the services logged, since on CI that is all there is to read.
     */
    private static void awaitDelivered(String what, String leadId, Callable<Boolean> arrived) {
        try {
            await().atMost(DELIVERY_BOUND).until(arrived);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " did not arrive within " + DELIVERY_BOUND + " of lead " + leadId
                    + "\n" + timelineOrWhyNot(leadId) + "\n" + serviceWarnings(), e);
        }
    }

    private static String timelineOrWhyNot(String leadId) {
        try {
            return "timeline: " + timeline(stack().serviceUrl(LeadflowService.CADENCE_ENGINE) + "/api/leads/" + leadId + "/timeline");
        } catch (Exception | AssertionError e) {
            return "no timeline: " + e.getMessage();
        }
    }

    private static String serviceWarnings() {
        StringBuilder warnings = new StringBuilder();
        for (LeadflowService service : LeadflowService.values()) {
            warnings.append("--- ").append(service.module()).append(": last warnings and errors\n");
            try {
                List<String> notable = Files.readAllLines(stack().service(service).logFile()).stream()
                        .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception"))
                        .toList();
                notable.subList(Math.max(0, notable.size() - 40), notable.size())
                        .forEach(line -> warnings.append(line).append('\n'));
            } catch (IOException e) {
                warnings.append("log unreadable: ").append(e.getMessage()).append('\n');
            }
        }
        return warnings.toString();
    }

    /** The trace ids in the W3C {@code traceparent} headers of a lead's records (keyed by lead id), by topic. */
    private static Map<String, Set<String>> traceIdsOf(String leadId, List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Set<String>> traceIds = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Header traceparent = record.headers().lastHeader("traceparent");
                    if (leadId.equals(record.key()) && traceparent != null) {
                        String traceId = new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1];
                        traceIds.computeIfAbsent(record.topic(), unused -> new TreeSet<>()).add(traceId);
                    }
                }
            }
        }
        return traceIds;
    }

    private static Set<String> metricNamesQueriedBy(Path dashboard) throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode expr : JSON.readTree(dashboard.toFile()).findValues("expr")) {
            Matcher metric = METRIC_NAME.matcher(expr.asText());
            while (metric.find()) {
                names.add(metric.group());
            }
        }
        return names;
    }

    private static String exportedMetrics() throws IOException, InterruptedException {
        StringBuilder all = new StringBuilder();
        for (LeadflowService service : LeadflowService.values()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack().serviceUrl(service) + "/q/metrics")).build();
            all.append(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).append('\n');
        }
        return all.toString();
    }

    private static List<String> statuses(JsonNode timeline, String kind) {
        return timeline.get("timeline").findParents("kind").stream()
                .filter(entry -> entry.get("kind").asText().equals(kind))
                .map(entry -> entry.get("status").asText())
                .toList();
    }

    /** Alerts to whichever rep got the lead: they name the lead, who is unique per test. */
    private static List<ReceivedSms> repAlertSms(TestLead lead) {
        return stack().smsSink().messages().stream()
                .filter(sms -> !sms.to().equals(lead.phone()) && sms.body().contains(lead.lastName()))
                .toList();
    }

    private static List<CaughtMail> repAlertMail(TestLead lead) {
        return stack().mailCatcher().messages().stream()
                .filter(mail -> !mail.to().contains(lead.email()) && mail.subject().contains(lead.lastName()))
                .toList();
    }
}
