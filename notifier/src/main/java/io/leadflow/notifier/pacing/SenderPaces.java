package io.leadflow.notifier.pacing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sending numbers' token buckets, in table {@code sender_pace}: shared by every notifier
 * instance, so two instances together keep a number's rate. Each call is one statement on an
 * auto-committed connection (one round trip): the database functions of V8 refill, check and take
 * in a single {@code INSERT … ON CONFLICT DO UPDATE … RETURNING}, under the row's lock.
 */
@ApplicationScoped
public class SenderPaces {

    private final DataSource dataSource;

    public SenderPaces(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a take found. */
    public record Take(boolean taken, double tokensLeft) {
    }

    /** Takes the text's tokens if the bucket allows it now. */
    public Take take(String fromNumber, Pace pace, int segments, boolean priority, Instant now) {
        return single("SELECT got, tokens_left FROM notifier.take_sender_pace(?, ?, ?, ?, ?, ?)",
                row -> new Take(row.getBoolean(1), row.getDouble(2)), fromNumber, at(now), pace.rate(),
                (double) pace.burst(), pace.cost(segments, priority), pace.floor(priority));
    }

    /**
     * Books a nurture text's slot: when the bucket will hold its cost above the reserve, and never
     * before the slot of the nurture text booked before it on the number.
     */
    public Instant book(String fromNumber, Pace pace, int segments, Instant now) {
        return single("SELECT notifier.book_sender_pace(?, ?, ?, ?, ?, ?, ?)",
                row -> row.getObject(1, OffsetDateTime.class).toInstant(), fromNumber, at(now), pace.rate(),
                (double) pace.burst(), pace.cost(segments, false), (double) pace.reserve(), segments / pace.rate());
    }

    /** How far ahead nurture texts are booked on the busiest number (0 when none waits). */
    public Duration longestBacklog(Instant now) {
        OffsetDateTime last = single("SELECT max(nurture_slot) FROM notifier.sender_pace",
                row -> row.getObject(1, OffsetDateTime.class));
        return last == null || !last.toInstant().isAfter(now) ? Duration.ZERO : Duration.between(now, last.toInstant());
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** One statement on an auto-committed connection, and its one row. */
    private <T> T single(String sql, Row<T> reader, Object... arguments) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no row from " + sql);
                }
                return reader.read(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pacing of the sending numbers: " + sql + " failed", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
