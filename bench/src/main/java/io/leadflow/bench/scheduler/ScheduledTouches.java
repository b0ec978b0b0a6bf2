package io.leadflow.bench.scheduler;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The scheduler benchmark's touches, written straight into the engine's schema (as if leads had been
 * registered earlier) and read back once the engine has dispatched them. Every touch is due at or
 * after the start, so the engine sees none of them as due while they are written.
 */
final class ScheduledTouches implements AutoCloseable {

    /** The due-now block is step 0; the evenly spread touches are step 1; the unmeasured warm-up step 2. */
    static final int DUE_NOW_STEP = 0;
    static final int SPREAD_STEP = 1;
    static final int WARM_UP_STEP = 2;
    private static final int TOUCHES_PER_LEAD = 10;
    private static final int REPS = 10;
    private static final int ROWS_PER_STATEMENT = 50_000;

    private final Connection connection;

    ScheduledTouches(String jdbcUrl, String username, String password) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, username, password);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to cadence");
        }
    }

    /** Leads (one per ten touches), their cadences and ten reps, like a running system's. */
    void writeLeads(int touches) throws SQLException {
        int leads = Math.max(1, touches / TOUCHES_PER_LEAD);
        execute("""
                insert into rep (id, name, email, phone_e164, active, created_at)
                select md5('bench-rep-' || g)::uuid, 'Bench Rep ' || g, 'rep' || g || '@bench.example', '+1415600' || (1000 + g), true, now()
                from generate_series(1, %d) g""".formatted(REPS));
        execute("""
                insert into lead (id, source_id, received_at, ingested_at, is_test, first_name, full_name, email, phone_e164,
                                  time_zone, time_zone_basis, message, sms_consent, email_consent, assigned_rep_id, assigned_at)
                select md5('bench-lead-' || g)::uuid, 'bench', now(), now(), true, 'Alex', 'Alex Bench ' || g,
                       'lead' || g || '@bench.example', '+1415' || (2000000 + g), 'America/Los_Angeles', 'form',
                       'We would like to see the model home this weekend', true, true,
                       md5('bench-rep-' || (1 + g %% %d))::uuid, now()
                from generate_series(0, %d) g""".formatted(REPS, leads - 1));
        execute("""
                insert into cadence (id, lead_id, playbook_id, playbook_version, started_at)
                select md5('bench-cadence-' || g)::uuid, md5('bench-lead-' || g)::uuid, 'default', 1, now()
                from generate_series(0, %d) g""".formatted(leads - 1));
    }

    /**
     * Writes {@code count} touches of one step, the i-th due at {@code firstDue + i * spacing}, in
     * statements of 50,000 rows; touch i belongs to lead i mod the number of leads.
     */
    void writeTouches(int step, int count, int leads, Instant firstDue, Duration spacing, IntConsumer progress) throws SQLException {
        for (int from = 0; from < count; from += ROWS_PER_STATEMENT) {
            int to = Math.min(count, from + ROWS_PER_STATEMENT) - 1;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into touch (id, lead_id, cadence_id, step, audience, channel, template, reason, due_at,
                                       first_touch, status, status_at)
                    select gen_random_uuid(), md5('bench-lead-' || (g % ?))::uuid, md5('bench-cadence-' || (g % ?))::uuid,
                           ?, 'LEAD', case when g % 2 = 0 then 'SMS' else 'EMAIL' end,
                           case when g % 2 = 0 then 'same-day-text' else 'questions-since-email' end,
                           'scheduler benchmark', ?::timestamptz + g * (? * interval '1 microsecond'), false, 'SCHEDULED', now()
                    from generate_series(?, ?) g""")) {
                insert.setInt(1, leads);
                insert.setInt(2, leads);
                insert.setInt(3, step);
                insert.setTimestamp(4, Timestamp.from(firstDue));
                insert.setLong(5, spacing.toNanos() / 1_000);
                insert.setInt(6, from);
                insert.setInt(7, to);
                insert.executeUpdate();
            }
            progress.accept(to - from + 1);
        }
    }

    void analyze() throws SQLException {
        execute("vacuum analyze touch");
        execute("vacuum analyze lead");
    }

    long stillScheduled() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from touch where status = 'SCHEDULED'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Lateness (dispatched minus due, in ms) of one step's touches, and when its last one went. */
    StepFigures figures(int step) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select count(*), count(dispatched_at), min(due_at), max(dispatched_at),
                       percentile_cont(array[0.5, 0.9, 0.99, 0.999]) within group (order by late_ms),
                       max(late_ms)
                from (select due_at, dispatched_at, extract(epoch from dispatched_at - due_at) * 1000 as late_ms
                      from touch where step = ?) t""")) {
            query.setInt(1, step);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                Double[] percentiles = (Double[]) rows.getArray(5).getArray();
                return new StepFigures(rows.getLong(1), rows.getLong(2), instant(rows.getTimestamp(3)),
                        instant(rows.getTimestamp(4)), percentiles[0], percentiles[1], percentiles[2], percentiles[3],
                        rows.getDouble(6));
            }
        }
    }

    /** Per interval of due time: how many were due and the p99 and max lateness, to see when it fell behind. */
    List<LatenessInterval> latenessOverTime(int step, Instant start, Duration interval) throws SQLException {
        List<LatenessInterval> intervals = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select floor(extract(epoch from due_at - ?::timestamptz) / ?) as bucket, count(*),
                       percentile_cont(0.5) within group (order by late_ms), percentile_cont(0.99) within group (order by late_ms),
                       max(late_ms)
                from (select due_at, extract(epoch from dispatched_at - due_at) * 1000 as late_ms
                      from touch where step = ? and dispatched_at is not null) t
                group by bucket order by bucket""")) {
            query.setTimestamp(1, Timestamp.from(start));
            query.setDouble(2, interval.toMillis() / 1000.0);
            query.setInt(3, step);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    intervals.add(new LatenessInterval(rows.getLong(1) * interval.toSeconds(), rows.getLong(2),
                            rows.getDouble(3), rows.getDouble(4), rows.getDouble(5)));
                }
            }
        }
        return intervals;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    record StepFigures(long touches, long dispatched, Instant firstDue, Instant lastDispatched, double p50Ms,
                       double p90Ms, double p99Ms, double p999Ms, double maxMs) {
    }
}
