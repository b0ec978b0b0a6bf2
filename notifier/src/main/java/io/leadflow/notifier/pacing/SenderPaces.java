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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement take = connection.prepareStatement(
                        "SELECT got, tokens_left FROM notifier.take_sender_pace(?, ?, ?, ?, ?, ?)")) {
            take.setString(1, fromNumber);
            take.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            take.setDouble(3, pace.rate());
            take.setDouble(4, pace.burst());
            take.setDouble(5, pace.cost(segments, priority));
            take.setDouble(6, pace.floor(priority));
            try (ResultSet row = single(take)) {
                return new Take(row.getBoolean(1), row.getDouble(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("taking a sending number's pace failed", e);
        }
    }

    /**
     * Books a nurture text's slot: when the bucket will hold its cost above the reserve, and never
     * before the slot of the nurture text booked before it on the number.
     */
    public Instant book(String fromNumber, Pace pace, int segments, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement book = connection.prepareStatement(
                        "SELECT notifier.book_sender_pace(?, ?, ?, ?, ?, ?, ?)")) {
            book.setString(1, fromNumber);
            book.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            book.setDouble(3, pace.rate());
            book.setDouble(4, pace.burst());
            book.setDouble(5, pace.cost(segments, false));
            book.setDouble(6, pace.reserve());
            book.setDouble(7, segments / pace.rate());
            try (ResultSet row = single(book)) {
                return row.getObject(1, OffsetDateTime.class).toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("booking a slot of a sending number's pace failed", e);
        }
    }

    /** How far ahead nurture texts are booked on the busiest number (0 when none waits). */
    public Duration longestBacklog(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement backlog = connection.prepareStatement(
                        "SELECT max(nurture_slot) FROM notifier.sender_pace")) {
            try (ResultSet row = single(backlog)) {
                OffsetDateTime last = row.getObject(1, OffsetDateTime.class);
                return last == null || !last.toInstant().isAfter(now) ? Duration.ZERO
                        : Duration.between(now, last.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the pacing backlog failed", e);
        }
    }

    private static ResultSet single(PreparedStatement statement) throws SQLException {
        ResultSet row = statement.executeQuery();
        if (!row.next()) {
            row.close();
            throw new SQLException("no row from " + statement);
        }
        return row;
    }
}
