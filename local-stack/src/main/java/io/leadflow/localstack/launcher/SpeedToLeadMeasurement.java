package io.leadflow.localstack.launcher;

import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.MiddayZone;
import io.leadflow.localstack.RepoRoot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./leadflow measure [N]}: against a running {@code ./leadflow up}, posts warm-up leads, then
 * N leads one after another (paced, not a load test), and prints speed to first touch and to rep
 * alert as the engine recorded them, with the intake's answer time as the client saw it.
 */
public final class SpeedToLeadMeasurement {

    private static final int WARM_UP_LEADS = 10;
    private static final Duration PACE = Duration.ofMillis(100);
    private static final Duration RECORDING_BOUND = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final LaunchCredentials credentials;
    private final String intakeUrl;

    private SpeedToLeadMeasurement(LaunchCredentials credentials, String intakeUrl) {
        this.credentials = credentials;
        this.intakeUrl = intakeUrl;
    }

    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path dataDir = args.length > 1 ? Path.of(args[1]) : RepoRoot.locate().resolve(".leadflow-data");
        int intakePort = LeadflowUp.port("LEADFLOW_INTAKE_PORT", LeadflowService.LEAD_INTAKE.defaultPort());
        var measurement = new SpeedToLeadMeasurement(LaunchCredentials.loadOrCreate(dataDir),
                "http://127.0.0.1:" + intakePort + "/api/leads");

        System.out.printf("Warming up with %d leads...%n", WARM_UP_LEADS);
        measurement.collect(measurement.post(WARM_UP_LEADS));
        System.out.printf("Measuring %d leads, one every %d ms...%n", leads, PACE.toMillis());
        List<Figures> figures = measurement.collect(measurement.post(leads));

        print("intake answer (client side)", figures.stream().map(Figures::intakeAnswerMs).toList());
        print("speed to first touch", figures.stream().map(Figures::firstTouchMs).toList());
        print("speed to rep alert", figures.stream().map(Figures::repAlertMs).toList());
    }

    private List<Posted> post(int count) throws IOException, InterruptedException {
        List<Posted> posted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(intakeUrl))
                    .header("Authorization", "Bearer " + credentials.demoSourceKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(sampleLead(i)))
                    .build();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long answerMs = (System.nanoTime() - started) / 1_000_000;
            if (response.statusCode() != 202) {
                throw new IllegalStateException("Intake answered " + response.statusCode() + ": " + response.body());
            }
            posted.add(new Posted(json.readTree(response.body()).at("/links/timeline").asText(), answerMs));
            Thread.sleep(PACE.toMillis());
        }
        return posted;
    }

    private List<Figures> collect(List<Posted> posted) throws IOException, InterruptedException {
        List<Figures> figures = new ArrayList<>();
        for (Posted lead : posted) {
            Instant giveUp = Instant.now().plus(RECORDING_BOUND);
            JsonNode timeline = timeline(lead.timelineUrl());
            while (!(timeline.path("speedToFirstTouchMs").isNumber() && timeline.path("speedToRepAlertMs").isNumber())) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("No speed figures recorded within " + RECORDING_BOUND + " for " + lead.timelineUrl());
                }
                Thread.sleep(100);
                timeline = timeline(lead.timelineUrl());
            }
            figures.add(new Figures(lead.intakeAnswerMs(), timeline.get("speedToFirstTouchMs").asLong(),
                    timeline.get("speedToRepAlertMs").asLong()));
        }
        return figures;
    }

    private JsonNode timeline(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + credentials.opsToken())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : json.createObjectNode();
    }

    /** A lead with SMS consent whose local time is midday, so nothing waits for the contact window. */
    private static String sampleLead(int n) {
        String zone = MiddayZone.now();
        String phone = "+1415555" + (2000 + ThreadLocalRandom.current().nextInt(7000));
        return """
                {"firstName":"Measure","lastName":"Lead%d","email":"measure%d@example.com","phone":"%s",
                 "message":"Looking for a 3-bedroom","timeZone":"%s",
                 "consent":{"sms":true,"email":true,"text":"I agree to receive texts"}}""".formatted(n, n, phone, zone);
    }


    private static void print(String label, List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        System.out.printf("%-28s n=%d  p50=%d ms  p90=%d ms  max=%d ms%n", label, sorted.size(),
                percentile(sorted, 0.50), percentile(sorted, 0.90), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private record Posted(String timelineUrl, long intakeAnswerMs) {
    }

    private record Figures(long intakeAnswerMs, long firstTouchMs, long repAlertMs) {
    }
}
