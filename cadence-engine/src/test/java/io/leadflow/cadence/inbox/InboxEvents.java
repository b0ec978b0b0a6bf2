package io.leadflow.cadence.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;

/** A rep's open inbox stream (server-sent events), read line by line as a browser's EventSource would. */
final class InboxEvents implements AutoCloseable, Flow.Subscriber<String> {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Void>> response;
    private volatile Flow.Subscription subscription;

    private InboxEvents(String session) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/inbox/events"))
                .header("Accept", "text/event-stream")
                .header("Cookie", InboxCookies.NAME + "=" + session)
                .build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(this));
    }

    /** Opens the stream and waits until the engine says it is listening. */
    static InboxEvents open(InboxBrowser browser) {
        InboxEvents events = new InboxEvents(browser.session);
        events.awaitData("\"type\":\"listening\"", Duration.ofSeconds(20));
        return events;
    }

    /** The first {@code data:} line containing the text, within the bound. */
    String awaitData(String text, Duration bound) {
        List<String> data = dataUntil(text, bound);
        return data.get(data.size() - 1);
    }

    /** Every {@code data:} line up to and including the first one containing the text, within the bound. */
    List<String> dataUntil(String text, Duration bound) {
        List<String> data = new ArrayList<>();
        Instant deadline = Instant.now().plus(bound);
        try {
            while (Instant.now().isBefore(deadline)) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("data:")) {
                    data.add(line);
                    if (line.contains(text)) {
                        return data;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(response).as("the stream's response").isNotCompletedExceptionally();
        throw new AssertionError("No event containing " + text + " within " + bound);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        lines.add(line);
    }

    @Override
    public void onError(Throwable throwable) {
        lines.add("error: " + throwable);
    }

    @Override
    public void onComplete() {
        lines.add("complete");
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.cancel();
        }
        response.cancel(true);
    }
}
