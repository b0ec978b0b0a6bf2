package io.leadflow.bench.chaos;

import io.leadflow.bench.HarnessStack;
import io.leadflow.bench.load.PostedLead;
import io.leadflow.localstack.sms.ReceivedSms;
import io.leadflow.localstack.sms.SmsSink;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Some leads text STOP during a chaos run: a share of the accepted leads with SMS consent, a few
 * seconds after their 202 (some while their first text is still being retried), through the
 * notifier's signed inbound-SMS webhook, as Twilio posts it. Each STOP is then delivered a second
 * time, byte for byte (Twilio retries a webhook it thinks failed): it must not confirm again.
 */
final class StopTexts implements AutoCloseable {

    private static final String PATH = "/webhooks/twilio/sms";
    private static final Duration RETRY_FOR = Duration.ofSeconds(90);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stop-texts");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<Recording.OptOut> optOuts = new ConcurrentLinkedQueue<>();
    private final URI webhook;
    private final String authToken;
    private final SmsSink sink;
    private final double share;
    private final SplittableRandom random;
    private int scheduled;

    StopTexts(String notifierUrl, String authToken, SmsSink sink, double share, long seed) {
        this.webhook = URI.create(notifierUrl + PATH);
        this.authToken = authToken;
        this.sink = sink;
        this.share = share;
        this.random = new SplittableRandom(seed);
    }

    /** Called with every accepted lead; texts STOP for a share of those with SMS consent, 2–12 s later. */
    void consider(PostedLead lead) {
        long delayMillis;
        synchronized (this) {
            if (!lead.lead().smsConsent() || random.nextDouble() >= share) {
                return;
            }
            delayMillis = 2_000 + random.nextLong(10_000);
            scheduled++;
        }
        scheduler.schedule(() -> stop(lead), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Waits for the STOPs still to be texted, then returns what each got. */
    List<Recording.OptOut> finish() throws InterruptedException {
        scheduler.shutdown();
        if (!scheduler.awaitTermination(RETRY_FOR.toSeconds() + 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("STOP texts still pending after " + RETRY_FOR.toSeconds() + " s of retries");
        }
        return List.copyOf(optOuts);
    }

    synchronized int scheduled() {
        return scheduled;
    }

    private void stop(PostedLead lead) {
        String phone = lead.lead().phoneE164();
        Map<String, String> form = new TreeMap<>(Map.of("From", phone, "To", senderOf(phone), "Body", "STOP",
                "MessageSid", "SM" + lead.leadId().replace("-", "")));
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature(form))
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        Instant giveUp = Instant.now().plus(RETRY_FOR);
        int status = send(request);
        while (status != 200 && Instant.now().isBefore(giveUp)) {
            pause();
            status = send(request);
        }
        Instant answeredAt = Instant.now();
        int repeatStatus = status == 200 ? send(request) : 0;
        optOuts.add(new Recording.OptOut(lead.leadId(), phone, answeredAt, status, repeatStatus));
    }

    /** The number that texted the lead (a STOP answers it), or the pool's first before any text arrived. */
    private String senderOf(String phone) {
        return sink.messages().stream().filter(sms -> sms.to().equals(phone)).map(ReceivedSms::from).findFirst()
                .orElse(HarnessStack.senderNumber(0));
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Twilio's scheme: base64 HMAC-SHA1 under the auth token of the URL, then each parameter's name and value by name. */
    private String signature(Map<String, String> sortedForm) {
        StringBuilder signed = new StringBuilder(HarnessStack.NOTIFIER_PUBLIC_BASE_URL).append(PATH);
        sortedForm.forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(hmac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
