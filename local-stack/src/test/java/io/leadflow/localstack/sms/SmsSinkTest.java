package io.leadflow.localstack.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.localstack.HttpPages;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsSinkTest {

    private static final String ACCOUNT_SID = "AC11111111111111111111111111111111";
    private static final String AUTH_TOKEN = "secret-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SmsSink sink;

    @BeforeAll
    static void startSink() {
        sink = SmsSink.start(0, ACCOUNT_SID, AUTH_TOKEN);
    }

    @AfterAll
    static void stopSink() {
        sink.stop();
    }

    @BeforeEach
    void clearMessages() {
        sink.clear();
        sink.clearFaults();
    }

    @Test
    void failsTheNextRequestsWithTheInjectedStatusAndThenAcceptsAgain() throws Exception {
        sink.failNext(2, 503);

        HttpResponse<String> first = postMessage(ACCOUNT_SID, AUTH_TOKEN, validMessage());
        HttpResponse<String> second = postMessage(ACCOUNT_SID, AUTH_TOKEN, validMessage());
        HttpResponse<String> third = postMessage(ACCOUNT_SID, AUTH_TOKEN, validMessage());

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(HttpPages.JSON.readTree(first.body()).get("code").asInt()).isEqualTo(20503);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(201);
        assertThat(sink.messages()).hasSize(1);
    }

    @Test
    void answersWithAnInjectedTwilioCodeSuchAsUnsubscribed21610() throws Exception {
        sink.failNext(1, 400, 21610);

        HttpResponse<String> response = postMessage(ACCOUNT_SID, AUTH_TOKEN, validMessage());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpPages.JSON.readTree(response.body()).get("code").asInt()).isEqualTo(21610);
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void failsEveryRequestDuringAWindowWithRetryAfterUntilCleared() throws Exception {
        HttpResponse<String> armed = post("/api/faults", "{\"seconds\": 60, \"status\": 429, \"retryAfterSeconds\": 7}");
        assertThat(armed.statusCode()).isEqualTo(200);

        HttpResponse<String> limited = postMessage(ACCOUNT_SID, AUTH_TOKEN, validMessage());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(postMessage(ACCOUNT_SID, AUTH_TOKEN, validMessage()).statusCode()).isEqualTo(429);
        assertThat(HttpPages.JSON.readTree(get("/api/faults").body()).get("window").get("status").asInt()).isEqualTo(429);

        HTTP.send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/api/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(postMessage(ACCOUNT_SID, AUTH_TOKEN, validMessage()).statusCode()).isEqualTo(201);
    }

    @Test
    void followsAnOutageWithRateLimitingWithRetryAfterThenAcceptsAgain() throws Exception {
        Instant armedAt = Instant.now();
        sink.failFor(Duration.ofSeconds(2), 503, null);
        sink.thenFailFor(Duration.ofSeconds(2), 429, 3);

        HttpResponse<String> down = postMessage(ACCOUNT_SID, AUTH_TOKEN, validMessage());
        sleepUntil(armedAt.plusMillis(2_500));
        HttpResponse<String> limited = postMessage(ACCOUNT_SID, AUTH_TOKEN, validMessage());
        sleepUntil(armedAt.plusMillis(4_500));
        HttpResponse<String> back = postMessage(ACCOUNT_SID, AUTH_TOKEN, validMessage());

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isEmpty();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("3");
        assertThat(back.statusCode()).isEqualTo(201);
        assertThat(sink.messages()).hasSize(1);
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), when).toMillis()));
    }

    @Test
    void rejectsAFaultRequestWithoutCountOrSeconds() throws Exception {
        assertThat(post("/api/faults", "{\"status\": 503}").statusCode()).isEqualTo(400);
        assertThat(post("/api/faults", "{\"count\": 1, \"status\": 200}").statusCode()).isEqualTo(400);
    }

    @Test
    void acceptsAValidMessageWithTwiliosResponseAndListsIt() throws Exception {
        Instant before = Instant.now();

        HttpResponse<String> response = postMessage(ACCOUNT_SID, AUTH_TOKEN, Map.of(
                "To", "+14155550123", "From", "+15005550006", "Body", "Hi Maria, what made you reach out today?",
                "StatusCallback", "http://127.0.0.1:9/status"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode json = HttpPages.JSON.readTree(response.body());
        assertThat(json.get("sid").asText()).matches("SM[0-9a-f]{32}");
        assertThat(json.get("account_sid").asText()).isEqualTo(ACCOUNT_SID);
        assertThat(json.get("to").asText()).isEqualTo("+14155550123");
        assertThat(json.get("from").asText()).isEqualTo("+15005550006");
        assertThat(json.get("body").asText()).isEqualTo("Hi Maria, what made you reach out today?");
        assertThat(json.get("status").asText()).isEqualTo("queued");
        assertThat(json.get("num_segments").asText()).isEqualTo("1");
        assertThat(json.get("direction").asText()).isEqualTo("outbound-api");
        assertThat(json.get("api_version").asText()).isEqualTo("2010-04-01");
        assertThat(json.get("date_created").asText()).matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(json.get("uri").asText())
                .isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + json.get("sid").asText() + ".json");
        assertThat(json.get("error_code").isNull()).isTrue();
        assertThat(json.get("error_message").isNull()).isTrue();
        assertThat(json.get("price").isNull()).isTrue();

        assertThat(sink.messages()).singleElement().satisfies(sms -> {
            assertThat(sms.sid()).isEqualTo(json.get("sid").asText());
            assertThat(sms.receivedAt()).isBetween(before, Instant.now());
            assertThat(sms.statusCallback()).isEqualTo("http://127.0.0.1:9/status");
        });
        JsonNode listed = HttpPages.JSON.readTree(get("/api/messages").body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("sid").asText()).isEqualTo(json.get("sid").asText());
        assertThat(listed.get(0).get("receivedAt").asText()).isEqualTo(sms().receivedAt().toString());
        assertThat(get("/").body()).contains("+14155550123", "what made you reach out today?");
    }

    @Test
    void rejectsWrongCredentialsWithTwilioError20003() throws Exception {
        HttpResponse<String> wrongToken = postMessage(ACCOUNT_SID, "wrong", validMessage());
        HttpResponse<String> otherAccount = postMessage("AC22222222222222222222222222222222", AUTH_TOKEN, validMessage());

        for (HttpResponse<String> response : new HttpResponse[] {wrongToken, otherAccount}) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(HttpPages.JSON.readTree(response.body())).isEqualTo(HttpPages.JSON.readTree(
                    "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}"));
        }
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void rejectsANumberThatIsNotE164WithTwilioError21211() throws Exception {
        Map<String, String> message = new LinkedHashMap<>(validMessage());
        message.put("To", "415-555-0123");

        HttpResponse<String> response = postMessage(ACCOUNT_SID, AUTH_TOKEN, message);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpPages.JSON.readTree(response.body())).isEqualTo(HttpPages.JSON.readTree(
                "{\"code\":21211,\"message\":\"The 'To' number 415-555-0123 is not a valid phone number.\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}"));
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void rejectsAMessageWithoutBodyWithTwilioError21602() throws Exception {
        HttpResponse<String> response = postMessage(ACCOUNT_SID, AUTH_TOKEN, Map.of("To", "+14155550123", "From", "+15005550006"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpPages.JSON.readTree(response.body()).get("code").asInt()).isEqualTo(21602);
    }

    @Test
    void countsSegmentsLikeTwilio() {
        assertThat(SmsSink.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSink.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSink.segments("é".repeat(70))).isEqualTo(1);
        assertThat(SmsSink.segments("é".repeat(71))).isEqualTo(2);
    }

    private static ReceivedSms sms() {
        return sink.messages().get(0);
    }

    private static Map<String, String> validMessage() {
        return Map.of("To", "+14155550123", "From", "+15005550006", "Body", "Hello");
    }

    private static HttpResponse<String> postMessage(String accountSid, String authToken, Map<String, String> form)
            throws Exception {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String credentials = Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/2010-04-01/Accounts/" + accountSid + "/Messages.json"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
