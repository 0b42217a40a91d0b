package com.pitchgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pitchgate.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Statements kept on pooled connections: reused, prepared afresh after a failure, and holding no snapshot. */
class PreparedStatementsTest {

    @Test
    void aPooledConnectionKeepsItsStatements() throws Exception {
        try (TestDatabase database = TestDatabase.create(Database.Vendor.SQLITE)) {
            DataSource pool = database.dataSource();
            PreparedStatement first;
            try (Connection connection = pool.getConnection()) {
                PreparedStatements.Use use = PreparedStatements.prepare(connection, "SELECT 1");
                assertThat(use.kept()).isTrue();
                first = use.statement();
                assertThat(PreparedStatements.prepare(connection, "SELECT 1").statement()).isSameAs(first);
                assertThat(PreparedStatements.prepare(connection, "SELECT 2").statement()).isNotSameAs(first);
            }
            // Back in the pool and out again: the same connection (the pool holds two idle), its statements still there.
            boolean seenAgain = false;
            for (int i = 0; i < 4 && !seenAgain; i++) {
                try (Connection connection = pool.getConnection()) {
                    seenAgain = PreparedStatements.prepare(connection, "SELECT 1").statement() == first;
                }
            }
            assertThat(seenAgain).isTrue();
            assertThat(first.isClosed()).isFalse();
        }
    }

    @Test
    void aKeptStatementLetsGoOfItsValuesAfterEachRun() throws Exception {
        try (TestDatabase database = TestDatabase.create(Database.Vendor.SQLITE);
                Connection connection = database.dataSource().getConnection()) {
            byte[] raw = new byte[1 << 20];
            NamedStatement echo = NamedStatement.of("SELECT length(:raw) AS size");
            assertThat(echo.query(connection, Map.of("raw", raw), row -> row.getObject("size"))).containsExactly(1 << 20);
            PreparedStatements.Use kept = PreparedStatements.prepare(connection, "SELECT length(?) AS size");
            assertThat(kept.kept()).isTrue();
            // Run again with nothing bound: SQLite takes an unbound parameter as NULL, not the last value.
            try (ResultSet again = kept.statement().executeQuery()) {
                assertThat(again.next()).isTrue();
                assertThat(again.getObject("size")).isNull();
            }
        }
    }

    @Test
    void aConnectionFromElsewhereHasItsStatementsClosedAfterUse() throws Exception {
        try (TestDatabase database = TestDatabase.create(Database.Vendor.SQLITE);
                Connection plain = DriverManager.getConnection(database.url())) {
            PreparedStatements.Use use = PreparedStatements.prepare(plain, "SELECT 1");
            assertThat(use.kept()).isFalse();
            use.release();
            assertThat(use.statement().isClosed()).isTrue();
            assertThat(NamedStatement.of("SELECT :n AS n").query(plain, Map.of("n", 7L), row -> row.getLong("n"))).containsExactly(7L);
            assertThatThrownBy(() -> NamedStatement.of("SELECT :n AS n").query(plain, Map.of("m", 7L), row -> row.getLong("n")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":n");
        }
    }

    @Test
    void aStatementThatFailedIsPreparedAfresh() throws Exception {
        try (TestDatabase database = TestDatabase.create(Database.Vendor.SQLITE);
                Connection connection = database.dataSource().getConnection()) {
            NamedStatement insert = NamedStatement.of("INSERT INTO organisations (space_id, domain, name, created_at)"
                    + " VALUES (:spaceId, :domain, :name, 0)");
            insert.update(connection, Map.of("spaceId", "s", "domain", "a.example", "name", "A"));
            PreparedStatement before = PreparedStatements.prepare(connection, insert.jdbcSql()).statement();
            assertThatThrownBy(() -> insert.update(connection, Map.of("spaceId", "s", "domain", "a.example", "name", "again")))
                    .rootCause().hasMessageContaining("UNIQUE");
            assertThat(before.isClosed()).isTrue();
            assertThat(insert.update(connection, Map.of("spaceId", "s", "domain", "b.example", "name", "B"))).isEqualTo(1);
            assertThat(PreparedStatements.prepare(connection, insert.jdbcSql()).statement()).isNotSameAs(before);
        }
    }

    /**
     * A kept statement must not keep a read transaction open: in WAL mode that would stop every
     * checkpoint from reaching the end of the log, which would then grow for as long as the server runs.
     */
    @Test
    void aKeptQueryHoldsNoSnapshotThatWouldStopCheckpoints() throws Exception {
        try (TestDatabase database = TestDatabase.create(Database.Vendor.SQLITE)) {
            DataSource pool = database.dataSource();
            try (Connection reader = pool.getConnection(); Connection writer = pool.getConnection()) {
                NamedStatement names = NamedStatement.of("SELECT name FROM organisations WHERE space_id = :spaceId");
                insertOrganisation(writer, "a.example");
                assertThat(names.query(reader, Map.of("spaceId", "s"), row -> row.getString(1))).containsExactly("a.example");
                insertOrganisation(writer, "b.example");
                assertThat(checkpointBlocked(writer)).as("checkpoint with the kept statement reset").isFalse();

                // The check itself: a query left half-read does hold a snapshot, and blocks the checkpoint.
                PreparedStatement open = PreparedStatements.prepare(reader, names.jdbcSql()).statement();
                open.setString(1, "s");
                ResultSet halfRead = open.executeQuery();
                assertThat(halfRead.next()).isTrue();
                insertOrganisation(writer, "c.example");
                assertThat(checkpointBlocked(writer)).as("checkpoint with a query half-read").isTrue();
                halfRead.close();
                assertThat(names.query(reader, Map.of("spaceId", "s"), row -> row.getString(1))).hasSize(3);
                assertThat(checkpointBlocked(writer)).isFalse();
            }
        }
    }

    private static void insertOrganisation(Connection connection, String domain) {
        NamedStatement.of("INSERT INTO organisations (space_id, domain, name, created_at) VALUES ('s', :domain, :domain, 0)")
                .update(connection, Map.of("domain", domain));
    }

    /**
     * Whether a checkpoint could not copy the whole log back (a reader still needs part of it). Passive:
     * the others wait for readers, up to the busy timeout.
     */
    private static boolean checkpointBlocked(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            result.next();
            return result.getInt(1) != 0 || result.getInt(3) < result.getInt(2);
        }
    }
}
