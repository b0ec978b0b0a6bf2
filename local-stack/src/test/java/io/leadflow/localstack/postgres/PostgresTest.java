package io.leadflow.localstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTest {

    @TempDir
    Path dir;

    @Test
    void answersQueriesAndRestartsWithItsDataFromTheKeptDirectory() throws Exception {
        try (Postgres postgres = Postgres.start(dir, 0)) {
            postgres.createDatabaseIfMissing("leadflow");
            postgres.createDatabaseIfMissing("leadflow");
            try (Connection connection = connect(postgres)) {
                assertThat(queryInt(connection, "select 1")).isEqualTo(1);
                connection.createStatement().execute("create table kept (id int); insert into kept values (42)");
            }
        }

        long restartStarted = System.nanoTime();
        try (Postgres restarted = Postgres.start(dir, 0)) {
            System.out.printf("PostgreSQL restart on a kept data dir took %d ms%n", (System.nanoTime() - restartStarted) / 1_000_000);
            try (Connection connection = connect(restarted)) {
                assertThat(queryInt(connection, "select id from kept")).isEqualTo(42);
            }
        }
    }

    private static Connection connect(Postgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("leadflow"), postgres.username(), postgres.password());
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
