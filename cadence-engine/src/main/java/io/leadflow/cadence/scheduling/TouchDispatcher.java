package io.leadflow.cadence.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import org.hibernate.FlushMode;
import org.hibernate.Session;

import io.leadflow.cadence.MessagingChannels;
import io.leadflow.cadence.messaging.CloudEventMessages;
import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.TouchDue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Claims due touches with {@code FOR UPDATE SKIP LOCKED}, publishes them and marks them dispatched,
 * all in one transaction: a crash before the commit leaves them scheduled and they are published
 * again (the notifier's delivery row makes that harmless), and no two engines claim the same touch.
 */
@ApplicationScoped
public class TouchDispatcher {

    private static final Duration BROKER_ACK_TIMEOUT = Duration.ofSeconds(30);

    private final EntityManager entityManager;
    private final TouchDueAssembler assembler;
    private final MutinyEmitter<TouchDue> priority;
    private final MutinyEmitter<TouchDue> regular;
    private final Clock clock;

    TouchDispatcher(EntityManager entityManager, TouchDueAssembler assembler,
            @Channel(MessagingChannels.TOUCHES_DUE_PRIORITY) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<TouchDue> priority,
            @Channel(MessagingChannels.TOUCHES_DUE) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<TouchDue> regular,
            Clock clock) {
        this.entityManager = entityManager;
        this.assembler = assembler;
        this.priority = priority;
        this.regular = regular;
        this.clock = clock;
    }

    /** The fast path: these touches, if still scheduled and not claimed by someone else. */
    public int dispatch(List<UUID> touchIds) {
        if (touchIds.isEmpty()) {
            return 0;
        }
        // one array parameter, not an IN list: every list length would be a new query plan to cache
        return QuarkusTransaction.requiringNew().call(() -> publishAndMark(claim("""
                select * from touch where id = any(:ids) and status = 'SCHEDULED'
                for update skip locked""", Map.of("ids", touchIds.toArray(UUID[]::new)))));
    }

    /** The backlog's path: the oldest due touches, at most {@code batchSize}. */
    public int dispatchDue(int batchSize) {
        return dispatchDue(Instant.EPOCH, "due_at", batchSize);
    }

    /**
     * The on-time path: touches that fell due after {@code after}, newest first, at most {@code batchSize}.
     * Newest first because while a backlog drains beside it the freshest touches are the ones that can
     * still go out on time; any this path does not reach soon enough are the backlog's, oldest first.
     */
    public int dispatchLatestDueAfter(Instant after, int batchSize) {
        return dispatchDue(after, "due_at desc", batchSize);
    }

    private int dispatchDue(Instant after, String order, int batchSize) {
        return QuarkusTransaction.requiringNew().call(() -> publishAndMark(claim("""
                select * from touch where status = 'SCHEDULED' and due_at > :after and due_at <= :now
                order by %s limit :limit for update skip locked""".formatted(order),
                Map.of("after", after, "now", clock.instant(), "limit", batchSize))));
    }

    /** When the earliest scheduled touch due after {@code after} is due, so the poller can wake up for it. */
    public Optional<Instant> nextDueAfter(Instant after) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select min(due_at) from touch where status = 'SCHEDULED' and due_at > :after", Instant.class)
                .setParameter("after", after)
                .getResultStream().filter(Objects::nonNull).findFirst());
    }

    @SuppressWarnings("unchecked")
    private List<Touch> claim(String sql, Map<String, Object> parameters) {
        // the batch's touches, leads and reps are only read, and written by one UPDATE: without this
        // Hibernate snapshots every loaded row and compares it field by field at each flush
        Session session = entityManager.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        Query query = entityManager.createNativeQuery(sql, Touch.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private int publishAndMark(List<Touch> claimed) {
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = new ArrayList<>(claimed.size());
        Map<UUID, String> traces = new HashMap<>();
        claimed.stream().filter(touch -> touch.traceparent != null).forEach(touch -> traces.put(touch.id, touch.traceparent));
        for (TouchDue touchDue : assembler.assemble(claimed)) {
            MutinyEmitter<TouchDue> emitter = touchDue.firstTouch() ? priority : regular;
            acks.add(emitter.sendMessage(TouchTraces.continuing(traces.get(touchDue.touchId()),
                    CloudEventMessages.of(touchDue, touchDue.leadId(), UUID.randomUUID(), EventTypes.TOUCH_DUE))));
        }
        Uni.join().all(acks).andFailFast().await().atMost(BROKER_ACK_TIMEOUT);
        // one statement for the batch; the claimed entities are not used after this
        entityManager.createNativeQuery("""
                update touch set status = 'DISPATCHED', status_at = :now, dispatched_at = :now where id = any(:ids)""")
                .setParameter("now", clock.instant())
                .setParameter("ids", claimed.stream().map(touch -> touch.id).toArray(UUID[]::new))
                .executeUpdate();
        return claimed.size();
    }
}
