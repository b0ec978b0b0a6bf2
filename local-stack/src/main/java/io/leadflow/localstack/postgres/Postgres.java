package io.leadflow.localstack.postgres;

import io.leadflow.localstack.process.LocalPorts;
import io.leadflow.localstack.process.ProcessGuard;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL (zonky's embedded binaries) with a kept data directory: the first start runs
 * initdb, later starts on the same directory reuse it. As root, zonky runs the binaries inside a
 * user namespace ({@code unshare -U}), since PostgreSQL refuses to run as root.
 */
public final class Postgres implements AutoCloseable {

    private static final String USERNAME = "postgres";
    // initdb is run with trust authentication: any password is accepted
    private static final String PASSWORD = "postgres";

    private final Path dir;
    private final EmbeddedPostgres postgres;
    private final long pid;
    private final ProcessGuard guard;

    private Postgres(Path dir, EmbeddedPostgres postgres, long pid, ProcessGuard guard) {
        this.dir = dir;
        this.postgres = postgres;
        this.pid = pid;
        this.guard = guard;
    }

    /**
     * @param dir  holds the cluster ({@code dir/pgdata}) and the server log ({@code dir/postgres.log})
     * @param port on 127.0.0.1; 0 picks a free one
     */
    public static Postgres start(Path dir, int port) {
        Path dataDir = dir.resolve("pgdata");
        Path log = dir.resolve("postgres.log");
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(LocalPorts.resolve(port))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                    // we stop it ourselves, in order, and guard it against our own sudden death
                    .setRegisterShutdownHook(false)
                    .start();
            // pg_ctl daemonizes the postmaster, so it is not our child: guard it by pid; SIGINT = fast shutdown
            long pid = postmasterPid(dataDir);
            return new Postgres(dir, postgres, pid, ProcessGuard.watch(pid, "INT"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start; log " + log, e);
        }
    }

    /** After {@link #stop()}: the same cluster on the same port, its data kept. */
    public Postgres startAgain() {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("PostgreSQL on port " + port() + " is still running");
        }
        return start(dir, port());
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's pid; the backends are its children. */
    public long pid() {
        return pid;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public void createDatabaseIfMissing(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                if (exists.executeQuery().next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            guard.release();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        List<String> pidFile = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        return Long.parseLong(pidFile.get(0).trim());
    }
}
