package io.leadflow.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.leadflow.notifier.NotifierConfig;
import io.leadflow.notifier.delivery.Route.Transport;
import io.leadflow.notifier.pacing.SenderPacer;
import io.leadflow.notifier.sms.SmsComposer.ComposedSms;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;

/**
 * One pool of sender threads per provider. Its queue is ordered: priority sends (first touches,
 * rep alerts) first, then by arrival, so a backlog of nurture texts never delays a new lead. A
 * nurture text is handed over only when its sending number's pace has room for it
 * ({@link #handOffAt}); until then it waits in its delivery row.
 */
@ApplicationScoped
public class SendQueues {

    private static final Logger LOG = Logger.getLogger(SendQueues.class);
    private final Map<Transport, ThreadPoolExecutor> pools = new EnumMap<>(Transport.class);
    private final AtomicLong arrivals = new AtomicLong();
    private final int capacity;
    private final Duration handoffGrace;
    private final Duration stopGrace;
    private final SenderPacer pacer;

    public SendQueues(NotifierConfig config, SenderPacer pacer) {
        this.capacity = config.senders().queueCapacity();
        this.handoffGrace = config.senders().handoffGrace();
        this.stopGrace = config.senders().stopGrace();
        this.pacer = pacer;
        pools.put(Transport.SMS, pool("sms-sender", config.senders().sms()));
        pools.put(Transport.EMAIL, pool("email-sender", config.senders().email()));
    }

    /**
     * @return false when the pool's queue is full or the service is stopping: the touch stays
     *         queued in its row, and the retry poller sends it after the hand-off grace
     */
    public boolean offer(Transport transport, boolean priority, Runnable send) {
        ThreadPoolExecutor pool = pools.get(transport);
        if (pool.isShutdown() || pool.getQueue().size() >= capacity) {
            return false;
        }
        // the send, and the result it publishes, stay in the trace of the touch that asked for it
        pool.execute(new Send(priority, arrivals.incrementAndGet(), Context.current().wrap(send)));
        return true;
    }

    /** When a touch should be handed to a sender: now, or for a nurture text, its slot of its number's pace. */
    public Instant handOffAt(TouchSender.Prepared prepared, Instant now) {
        ComposedSms sms = prepared.sms();
        return sms == null ? now : pacer.slotFor(sms.fromNumber(), sms.segments(), prepared.priority(), now);
    }

    /** How long a touch handed to a pool belongs to it before the retry poller may take it. */
    public Duration handoffGrace() {
        return handoffGrace;
    }

    /**
     * A graceful stop, before the database pool closes: sends not started are dropped (their rows
     * stay queued, for the retry poller after the restart); sends already talking to a provider
     * finish and record their result, so a deploy leaves no delivery in doubt.
     */
    void drain(@Observes ShutdownEvent event) {
        pools.values().forEach(pool -> {
            pool.getQueue().clear();
            pool.shutdown();
        });
        long deadline = System.nanoTime() + stopGrace.toNanos();
        for (Map.Entry<Transport, ThreadPoolExecutor> pool : pools.entrySet()) {
            try {
                if (!pool.getValue().awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.warnf("%s sends still running after %s; they will be in doubt", pool.getKey(), stopGrace);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @PreDestroy
    void shutdown() {
        pools.values().forEach(ThreadPoolExecutor::shutdownNow);
    }

    private static ThreadPoolExecutor pool(String name, int threads) {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    private record Send(boolean priority, long arrival, Runnable send) implements Runnable, Comparable<Send> {

        @Override
        public void run() {
            send.run();
        }

        @Override
        public int compareTo(Send other) {
            if (priority != other.priority) {
                return priority ? -1 : 1;
            }
            return Long.compare(arrival, other.arrival);
        }
    }
}
