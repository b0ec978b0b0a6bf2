package io.leadflow.cadence.inbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Hears the routings of the other engine instances ({@link RoutedLeadNotices}) on a connection of
 * its own, outside the pool (it is held for as long as the instance runs), and hands them to this
 * instance's open inboxes. After losing the connection (a database restart) it reconnects, and the
 * open inboxes are told to reload, since notices sent meanwhile went unheard.
 */
@ApplicationScoped
class RoutedLeadListener {

    private static final Logger LOG = Logger.getLogger(RoutedLeadListener.class);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final int WAIT_MS = 1_000;

    private final RoutedLeadNotices notices;
    private final InboxBroadcaster broadcaster;
    private final String url;
    private final String username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Connection connection;

    RoutedLeadListener(RoutedLeadNotices notices, InboxBroadcaster broadcaster,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.notices = notices;
        this.broadcaster = broadcaster;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent start) {
        running = true;
        Thread thread = new Thread(this::listen, "routed-lead-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        closeQuietly(connection);
    }

    private void listen() {
        boolean heardBefore = false;
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, username, password.orElse(null))) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + RoutedLeadNotices.CHANNEL);
                }
                if (heardBefore) {
                    LOG.info("Listening for other instances' routings again; open inboxes reload");
                    broadcaster.missedSome();
                }
                heardBefore = true;
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    for (PGNotification notification : notifications.getNotifications(WAIT_MS)) {
                        notices.fromOtherInstance(notification.getParameter()).ifPresent(broadcaster::deliver);
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Not hearing other instances' routings (%s); reconnecting in %s", e.getMessage(), RECONNECT_DELAY);
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("Closing the listening connection: %s", e.getMessage());
        }
    }
}
