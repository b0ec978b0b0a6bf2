package io.leadflow.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Posts sample leads to lead-intake and waits for every answer: open loop at a fixed rate (a lead
 * every 1/rate seconds, whatever the answers do), or closed loop "as fast as possible" with a fixed
 * number of requests in flight. Every request carries an {@code Idempotency-Key}; in chaos runs a
 * lead that gets no 202 is retried with the same key until it does (or a bound passes), and a share
 * of accepted leads is posted a second time to check that it keeps its lead id.
 */
public final class LoadGenerator implements AutoCloseable {

    /**
     * @param ratePerSecond  leads per second; 0 for as fast as possible with {@code concurrency} in flight
     * @param retryFor       how long a lead is retried until it gets a 202; zero for never (benchmarks)
     * @param duplicateShare share of accepted leads posted again with the same key
     */
    public record Shape(double ratePerSecond, int concurrency, Duration duration, Duration retryFor, double duplicateShare) {
        public boolean maxRate() {
            return ratePerSecond <= 0;
        }
    }

    /** A second post of an accepted lead: it must answer 202 with the same lead id. */
    public record Duplicate(String leadId, int status, String secondLeadId) {
        public boolean keptItsId() {
            return status == 202 && leadId.equals(secondLeadId);
        }
    }

    private static final int MAX_IN_FLIGHT = 4096;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(8);

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, daemon("load-callbacks"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(callbacks).build();
    private final URI intake;
    private final String sourceKey;
    private final SampleLeads leads;
    private final SplittableRandom random = new SplittableRandom(7);
    private final Queue<PostedLead> posted = new ConcurrentLinkedQueue<>();
    private final Queue<Duplicate> duplicates = new ConcurrentLinkedQueue<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong maxLagNanos = new AtomicLong();
    private volatile Shape shape;
    private volatile long endNanos;
    private volatile Consumer<PostedLead> acceptedListener = lead -> { };

    public LoadGenerator(URI intake, String sourceKey, SampleLeads leads) {
        this.intake = intake;
        this.sourceKey = sourceKey;
        this.leads = leads;
    }

    /** Runs the load for the shape's duration, then waits for every answer (and retry). */
    public List<PostedLead> run(Shape shape) throws InterruptedException {
        this.shape = shape;
        posted.clear();
        duplicates.clear();
        long start = System.nanoTime();
        endNanos = start + shape.duration().toNanos();
        if (shape.maxRate()) {
            for (int i = 0; i < shape.concurrency(); i++) {
                keepPosting();
            }
            while (System.nanoTime() < endNanos) {
                LockSupport.parkNanos(Math.min(endNanos - System.nanoTime(), 100_000_000L));
            }
        } else {
            long intervalNanos = (long) (1e9 / shape.ratePerSecond());
            for (long i = 0; ; i++) {
                long due = start + i * intervalNanos;
                if (due >= endNanos) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    maxLagNanos.accumulateAndGet(-wait, Math::max);
                }
                inFlight.acquire();
                post(nextLead(), 1, Instant.now().plus(shape.retryFor())).whenComplete((unused, e) -> inFlight.release());
            }
        }
        inFlight.acquire(MAX_IN_FLIGHT);
        inFlight.release(MAX_IN_FLIGHT);
        List<PostedLead> all = new ArrayList<>(posted);
        all.sort(Comparator.comparingInt(lead -> lead.lead().serial()));
        return all;
    }

    /** Called (on the client's callback threads) with each lead as soon as it got its 202; must not block. */
    public void whenAccepted(Consumer<PostedLead> listener) {
        this.acceptedListener = listener;
    }

    public List<Duplicate> duplicates() {
        return List.copyOf(duplicates);
    }

    /** How far behind its schedule the open loop fell at worst (it should stay near zero). */
    public Duration maxLag() {
        return Duration.ofNanos(maxLagNanos.get());
    }

    /** Ends the load now (before the shape's duration), from another thread; {@link #run} then waits for the answers. */
    public void stop() {
        endNanos = System.nanoTime();
    }

    private void keepPosting() {
        if (System.nanoTime() >= endNanos || !inFlight.tryAcquire()) {
            return;
        }
        post(nextLead(), 1, Instant.now().plus(shape.retryFor())).whenComplete((unused, e) -> {
            inFlight.release();
            keepPosting();
        });
    }

    private synchronized GeneratedLeadWithKey nextLead() {
        return new GeneratedLeadWithKey(leads.next(), UUID.randomUUID().toString());
    }

    private CompletableFuture<Void> post(GeneratedLeadWithKey next, int attempt, Instant retryUntil) {
        HttpRequest request = request(next);
        Instant sentAt = Instant.now();
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long micros = (System.nanoTime() - started) / 1_000;
                    int status = response == null ? 0 : response.statusCode();
                    String leadId = status == 202 ? leadId(response.body()) : null;
                    String error = failure != null ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                            : status == 202 ? null : response.body();
                    return new PostedLead(next.lead(), next.key(), sentAt, Instant.now(), micros, status, attempt, leadId, error);
                })
                .thenCompose(result -> {
                    if (!result.accepted() && retryable(result.status()) && Instant.now().isBefore(retryUntil)) {
                        Executor later = CompletableFuture.delayedExecutor(retryPauseMillis(attempt), TimeUnit.MILLISECONDS, callbacks);
                        return CompletableFuture.supplyAsync(() -> null, later)
                                .thenCompose(unused -> post(next, attempt + 1, retryUntil));
                    }
                    posted.add(result);
                    if (result.accepted()) {
                        acceptedListener.accept(result);
                    }
                    if (result.accepted() && shape.duplicateShare() > 0 && nextDouble() < shape.duplicateShare()) {
                        return postDuplicate(next, result.leadId());
                    }
                    return CompletableFuture.completedFuture(null);
                });
    }

    private CompletableFuture<Void> postDuplicate(GeneratedLeadWithKey lead, String leadId) {
        return http.sendAsync(request(lead), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    int status = response == null ? 0 : response.statusCode();
                    duplicates.add(new Duplicate(leadId, status, status == 202 ? leadId(response.body()) : null));
                    return null;
                });
    }

    private HttpRequest request(GeneratedLeadWithKey lead) {
        try {
            return HttpRequest.newBuilder(intake)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + sourceKey)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", lead.key())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(lead.lead().body())))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 0.5 s doubling to 8 s, each between half and all of that (jitter): while intake restarts, the
     * leads waiting for it must not come back all at once and every half second (they kept a
     * restarting intake from ever answering its health check).
     */
    private long retryPauseMillis(int attempt) {
        long pause = Math.min(MAX_RETRY_PAUSE.toMillis(), RETRY_PAUSE.toMillis() << Math.min(attempt - 1, 10));
        return (long) (pause * (0.5 + nextDouble() / 2));
    }

    /** No answer, a 5xx (broker unavailable) or 429 is worth a retry; a 4xx is the lead's fault. */
    private static boolean retryable(int status) {
        return status == 0 || status == 429 || status >= 500;
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private String leadId(String body) {
        try {
            JsonNode answer = json.readTree(body);
            return answer.path("leadId").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private record GeneratedLeadWithKey(GeneratedLead lead, String key) {
    }
}
