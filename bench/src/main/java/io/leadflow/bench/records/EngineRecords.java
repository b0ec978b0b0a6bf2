package io.leadflow.bench.records;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the services recorded, straight from their schemas. Only the bench and chaos
 * harnesses do this (each on a database of their own run); services never read each other's schema.
 */
public final class EngineRecords {

    private final String jdbcUrl;
    private final String username;
    private final String password;

    public EngineRecords(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    public List<RecordedLead> leads() {
        List<RecordedLead> leads = new ArrayList<>();
        query("select id, received_at, speed_to_first_touch_ms, speed_to_rep_alert_ms from cadence.lead", rows -> {
            while (rows.next()) {
                leads.add(new RecordedLead(rows.getString(1), rows.getTimestamp(2).toInstant(),
                        (Long) rows.getObject(3), (Long) rows.getObject(4)));
            }
        });
        return leads;
    }

    public List<RecordedTouch> touches() {
        List<RecordedTouch> touches = new ArrayList<>();
        query("""
                select t.id, t.lead_id, t.audience, t.channel, t.status, t.status_reason, t.due_at, t.first_touch, d.status
                from cadence.touch t left join notifier.delivery d on d.touch_id = t.id""", rows -> {
            while (rows.next()) {
                Timestamp due = rows.getTimestamp(7);
                // the engine stores audience and channel as enum names (LEAD, SMS); the contracts spell them in lowercase
                touches.add(new RecordedTouch(rows.getString(1), rows.getString(2), lower(rows.getString(3)), lower(rows.getString(4)),
                        rows.getString(5), rows.getString(6), due.toInstant(), rows.getBoolean(8), rows.getString(9)));
            }
        });
        return touches;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
    }

    private interface Rows {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Rows reader) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the services' records: " + e.getMessage(), e);
        }
    }
}
