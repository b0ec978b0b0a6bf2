package io.leadflow.cadence.scheduling;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.leadflow.cadence.EngineConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The safety net and the clock of later steps: every poll interval it dispatches all touches that
 * are due, batch after batch, so a touch is at most one interval (plus the batch time) late.
 */
@ApplicationScoped
public class DueTouchPoller {

    private static final Logger LOG = Logger.getLogger(DueTouchPoller.class);

    private final TouchDispatcher dispatcher;
    private final EngineConfig.Scheduler config;
    private ScheduledExecutorService executor;

    DueTouchPoller(TouchDispatcher dispatcher, EngineConfig config) {
        this.dispatcher = dispatcher;
        this.config = config.scheduler();
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "due-touch-poller"));
        long intervalMillis = config.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::dispatchAllDue, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    private void dispatchAllDue() {
        try {
            int dispatched;
            do {
                dispatched = dispatcher.dispatchDue(config.batchSize());
            } while (dispatched == config.batchSize());
        } catch (RuntimeException e) {
            // the touches stay scheduled; the next poll tries again
            LOG.warn("Dispatching due touches failed; retrying at the next poll", e);
        }
    }
}
