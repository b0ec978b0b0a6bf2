package io.leadflow.cadence.opsboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.leadflow.cadence.EngineConfig;

/** The board's figures, computed in PostgreSQL over the engine's own lead and touch tables. */
@ApplicationScoped
class OpsBoardQueries {

    static final Map<String, Duration> WINDOWS = windows();

    private final EntityManager entityManager;
    private final Duration defaultClaimSla;

    OpsBoardQueries(EntityManager entityManager, EngineConfig config) {
        this.entityManager = entityManager;
        this.defaultClaimSla = config.claim().sla();
    }

    @Transactional
    long leadsReceived() {
        return ((Number) entityManager.createNativeQuery("select count(*) from lead").getSingleResult()).longValue();
    }

    @Transactional
    Map<String, Double> leadsPerMinute(Instant now) {
        Duration window = Duration.ofMinutes(5);
        List<Object[]> rows = rows("select source_id, count(*) from lead where received_at > ?1 group by source_id order by source_id",
                Timestamp.from(now.minus(window)));
        Map<String, Double> perMinute = new LinkedHashMap<>();
        rows.forEach(row -> perMinute.put((String) row[0], ((Number) row[1]).doubleValue() / window.toMinutes()));
        return perMinute;
    }

    /** Over every source, or over one source when {@code source} is given. */
    @Transactional
    Map<String, OpsBoard.Percentiles> speedToFirstTouch(Instant now, Optional<String> source) {
        String values = "select speed_to_first_touch_ms from lead where received_at > ?1 and speed_to_first_touch_ms is not null"
                + (source.isPresent() ? " and source_id = ?2" : "");
        Map<String, OpsBoard.Percentiles> byWindow = new LinkedHashMap<>();
        WINDOWS.forEach((name, window) -> byWindow.put(name, percentiles(values,
                Stream.concat(Stream.of(Timestamp.from(now.minus(window))), source.stream()).toArray())));
        return byWindow;
    }

    @Transactional
    List<OpsBoard.TouchCount> touchesLastHour(Instant now) {
        return rows("""
                select lower(channel), lower(status), status_reason, count(*) from touch
                where status_at > ?1 group by channel, status, status_reason order by 1, 2, 3""",
                Timestamp.from(now.minus(Duration.ofHours(1)))).stream()
                .map(row -> new OpsBoard.TouchCount((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue()))
                .toList();
    }

    @Transactional
    OpsBoard.Scheduler scheduler(Instant now) {
        Object[] waiting = (Object[]) entityManager.createNativeQuery(
                        "select count(*), min(due_at) from touch where status = 'SCHEDULED' and due_at <= ?1")
                .setParameter(1, Timestamp.from(now))
                .getSingleResult();
        Instant oldest = waiting[1] == null ? null : toInstant(waiting[1]);
        OpsBoard.Percentiles lateness = percentiles("""
                select (extract(epoch from dispatched_at - due_at) * 1000)::bigint from touch
                where dispatched_at > ?1 and dispatched_at >= due_at""", Timestamp.from(now.minus(Duration.ofMinutes(5))));
        return new OpsBoard.Scheduler(((Number) waiting[0]).longValue(), oldest, lateness);
    }

    @Transactional
    List<OpsBoard.RepRow> reps(Instant now) {
        List<?> rows = entityManager.createNativeQuery("""
                select r.id, r.name,
                       count(l.id) filter (where l.assigned_rep_id = r.id),
                       percentile_cont(0.5) within group (order by l.speed_to_rep_alert_ms)
                           filter (where l.assigned_rep_id = r.id),
                       count(l.id) filter (where l.claimed_by_rep_id = r.id),
                       count(l.id) filter (where l.claimed_by_rep_id = r.id and l.claimed_at <= l.assigned_at
                           + make_interval(secs => coalesce(s.claim_sla_ms, ?2) / 1000.0)),
                       percentile_cont(0.5) within group (order by extract(epoch from l.claimed_at - l.received_at) * 1000)
                           filter (where l.claimed_by_rep_id = r.id),
                       percentile_cont(0.5) within group (order by extract(epoch from o.first_at - l.received_at) * 1000)
                           filter (where o.first_at is not null)
                from rep r
                left join lead l on (l.assigned_rep_id = r.id or l.claimed_by_rep_id = r.id) and l.received_at > ?1
                left join source_settings s on s.source_id = l.source_id
                left join lateral (select min(e.at) as first_at from lead_event e
                                   where e.lead_id = l.id and e.kind = 'outcome' and e.actor = 'rep:' || r.id) o on true
                group by r.id, r.name order by r.name""")
                .setParameter(1, Timestamp.from(now.minus(Duration.ofDays(1))))
                .setParameter(2, defaultClaimSla.toMillis())
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new OpsBoard.RepRow(row[0].toString(), (String) row[1], count(row[2]), roundedOrNull(row[3]),
                        count(row[4]), count(row[5]), roundedOrNull(row[6]), roundedOrNull(row[7])))
                .toList();
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    /** {@code parameters} are the values query's, in order ({@code ?1}, {@code ?2}…). */
    private OpsBoard.Percentiles percentiles(String valuesQuery, Object... parameters) {
        Query query = entityManager.createNativeQuery("""
                select count(v), percentile_cont(0.5) within group (order by v),
                       percentile_cont(0.9) within group (order by v),
                       percentile_cont(0.99) within group (order by v)
                from (%s) as window_values(v)""".formatted(valuesQuery));
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        Object[] row = (Object[]) query.getSingleResult();
        return new OpsBoard.Percentiles(((Number) row[0]).longValue(), roundedOrNull(row[1]), roundedOrNull(row[2]), roundedOrNull(row[3]));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Timestamp since) {
        return entityManager.createNativeQuery(sql).setParameter(1, since).getResultList();
    }

    private static Long roundedOrNull(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    private static Instant toInstant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    private static Map<String, Duration> windows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("5m", Duration.ofMinutes(5));
        windows.put("1h", Duration.ofHours(1));
        windows.put("1d", Duration.ofDays(1));
        return windows;
    }
}
