package io.leadflow.cadence.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.leadflow.cadence.EngineConfig;
import io.leadflow.cadence.activity.OutboxPublisher;
import io.leadflow.cadence.claim.EscalationSweep;
import io.leadflow.cadence.commitment.CommitmentService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The safety net and the clock of later steps. It dispatches what fell due in the last second, newest first (a
 * backlog drains beside it, oldest first, on up to {@code dispatch-threads} claims), escalates unclaimed
 * leads, alerts broken commitments (and publishes the activity outbox), then sleeps until the next
 * touch, claim deadline or commitment deadline is
 * due, but never longer than the poll interval (which bounds how late a
 * touch planned by another instance, or missed by the fast path, can be). While touches keep falling
 * due it wakes every 20 ms and sweeps escalations, commitments and the outbox once per poll interval.
 */
@ApplicationScoped
public class DueTouchPoller {

    private static final Logger LOG = Logger.getLogger(DueTouchPoller.class);

    /** A touch due this recently is still on time and goes before any backlog. */
    private static final Duration ON_TIME = Duration.ofSeconds(1);

    /** The shortest sleep: touches due within it go out in one claim, not one transaction each. */
    private static final Duration BATCHING_GAP = Duration.ofMillis(20);

    private final TouchDispatcher dispatcher;
    private final OutboxPublisher outbox;
    private final EscalationSweep escalations;
    private final CommitmentService commitments;
    private final EngineConfig.Scheduler config;
    private final Clock clock;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean running;
    private Thread thread;
    private ExecutorService backlogDrainers;

    DueTouchPoller(TouchDispatcher dispatcher, OutboxPublisher outbox, EscalationSweep escalations,
            CommitmentService commitments, EngineConfig config, Clock clock) {
        this.commitments = commitments;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.escalations = escalations;
        this.config = config.scheduler();
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        backlogDrainers = Executors.newFixedThreadPool(config.dispatchThreads(), runnable -> {
            Thread drainer = new Thread(runnable, "due-touch-drainer");
            drainer.setDaemon(true);
            return drainer;
        });
        thread = new Thread(this::run, "due-touch-poller");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        thread.interrupt();
        backlogDrainers.shutdownNow();
    }

    private void run() {
        // pacing, not business time: measured on the machine's clock, whatever the injected one says
        long lastSweepNanos = System.nanoTime() - config.pollInterval().toNanos();
        while (running) {
            Duration sleep = config.pollInterval();
            // while touches keep falling due, the sweeps run once per poll interval, not at every wake-up
            boolean sweep = System.nanoTime() - lastSweepNanos >= config.pollInterval().toNanos();
            try {
                boolean busy = dispatchDue(clock.instant()) > 0;
                sweep |= !busy;
                if (sweep) {
                    dispatcher.dispatch(escalations.escalateDue());
                    dispatcher.dispatch(commitments.alertBreaches());
                    lastSweepNanos = System.nanoTime();
                }
                // touches fell due since the last wake-up: more will, so no need to ask when the next one is
                sleep = busy ? BATCHING_GAP : untilNextDue(clock.instant());
            } catch (RuntimeException e) {
                // the touches stay scheduled; the next poll tries again
                LOG.warn("Dispatching due touches failed; retrying at the next poll", e);
            }
            if (sweep) {
                publishOutbox();
            }
            try {
                Thread.sleep(Math.max(BATCHING_GAP.toMillis(), sleep.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void publishOutbox() {
        try {
            outbox.publishPending();
        } catch (RuntimeException e) {
            LOG.warn("Publishing the activity outbox failed; retrying at the next poll", e);
        }
    }

    /**
     * Touches that fell due in the last second go first, newest first, on this thread: they can still be
     * on time. Anything older is a backlog (a burst, an outage, a restart), drained oldest first beside them.
     */
    private int dispatchDue(Instant now) {
        int total = 0;
        int dispatched;
        do {
            dispatched = dispatcher.dispatchLatestDueAfter(now.minus(ON_TIME), config.batchSize());
            total += dispatched;
        } while (dispatched == config.batchSize());
        if (draining.compareAndSet(false, true)) {
            backlogDrainers.execute(this::drainBacklog);
        }
        return total;
    }

    private void drainBacklog() {
        try {
            if (dispatcher.dispatchDue(config.batchSize()) == config.batchSize()) {
                List<CompletableFuture<Void>> helpers = IntStream.range(1, config.dispatchThreads())
                        .mapToObj(i -> CompletableFuture.runAsync(this::drainDue, backlogDrainers)).toList();
                drainDue();
                helpers.forEach(CompletableFuture::join);
            }
        } catch (RuntimeException e) {
            LOG.warn("Draining due touches failed; retrying at the next poll", e);
        } finally {
            draining.set(false);
        }
    }

    private void drainDue() {
        int dispatched;
        do {
            dispatched = dispatcher.dispatchDue(config.batchSize());
        } while (dispatched == config.batchSize());
    }

    private Duration untilNextDue(Instant now) {
        Optional<Instant> nextDue = Stream.of(dispatcher.nextDueAfter(now.minus(ON_TIME)), escalations.nextDueAt(),
                        commitments.nextBreachAt())
                .flatMap(Optional::stream).min(Instant::compareTo);
        if (nextDue.isEmpty()) {
            return config.pollInterval();
        }
        Duration untilDue = Duration.between(clock.instant(), nextDue.get());
        return untilDue.compareTo(config.pollInterval()) < 0 ? untilDue : config.pollInterval();
    }
}
