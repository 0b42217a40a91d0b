package com.pitchgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The two migration folders ({@code db/migration/sqlite} and {@code db/migration/postgresql}) build
 * the same schema: a fresh database of each, migrated as the server migrates it, has the same tables,
 * the same columns per table (name, type through {@link #TYPE_FAMILIES}, NOT NULL), the same primary
 * keys and unique constraints (by columns: each database names their indexes its own way) and the
 * same indexes (by name, columns, uniqueness and whether they are partial). The DAOs share their SQL
 * between both stores, so a change made on one side only breaks the other at run time, on the store
 * the developer did not try. Column defaults and foreign keys are not compared. Skipped, as the other
 * PostgreSQL tests are, without a PostgreSQL server (on CI it fails instead).
 */
class SchemaParityTest {

    /**
     * Each database's column types, reduced to what SQLite can tell apart (its storage classes). The
     * equivalences are the ones the PostgreSQL migrations chose: integers of any width, BIGSERIAL
     * included, and booleans (SQLite stores them as INTEGER 0/1, and the DAOs bind Java booleans,
     * which each driver writes in its own column type) are INTEGER; DOUBLE PRECISION is REAL; BYTEA
     * is BLOB. A type not listed fails the test, so that a new one is mapped on purpose.
     */
    static final Map<String, String> TYPE_FAMILIES = Map.ofEntries(
            Map.entry("sqlite:INTEGER", "INTEGER"),
            Map.entry("sqlite:TEXT", "TEXT"),
            Map.entry("sqlite:REAL", "REAL"),
            Map.entry("sqlite:BLOB", "BLOB"),
            Map.entry("postgresql:int2", "INTEGER"),
            Map.entry("postgresql:int4", "INTEGER"),
            Map.entry("postgresql:int8", "INTEGER"),
            Map.entry("postgresql:bool", "INTEGER"),
            Map.entry("postgresql:text", "TEXT"),
            Map.entry("postgresql:float8", "REAL"),
            Map.entry("postgresql:bytea", "BLOB"));

    /** Flyway's own bookkeeping, not part of Pitchgate's schema. */
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    @Test
    void bothMigrationFoldersBuildTheSameSchema() throws Exception {
        try (TestDatabase sqlite = TestDatabase.create(Database.Vendor.SQLITE);
                TestDatabase postgres = TestDatabase.create(Database.Vendor.POSTGRESQL)) {
            Schema onSqlite = sqlite.jdbi().withHandle(SchemaParityTest::readSqlite);
            Schema onPostgres = postgres.jdbi().withHandle(SchemaParityTest::readPostgres);

            // The readers see what the comparison relies on: a partial unique index, a unique constraint.
            assertThat(onSqlite.tables().get("pitches").indexes().get("pitches_by_hash"))
                    .isEqualTo(new Index(List.of("space_id", "content_hash"), true, true));
            assertThat(onPostgres.tables().get("contacts").uniqueConstraints()).containsExactly("space_id,email");
            assertThat(onPostgres.tables().keySet()).as("tables").isEqualTo(onSqlite.tables().keySet());
            List<String> differences = new ArrayList<>();
            onSqlite.tables().forEach((name, table) -> table.differencesFrom(onPostgres.tables().get(name))
                    .forEach(difference -> differences.add(name + ": " + difference)));
            assertThat(differences).as("how PostgreSQL's schema differs from SQLite's (migrations: db/migration/*)").isEmpty();
        }
    }

    @Test
    void theMappingTellsApartWhatSqliteTellsApart() {
        // Guards the comparison itself: a mapping that made every type equal would pass any schema.
        assertThat(Set.copyOf(TYPE_FAMILIES.values())).containsExactlyInAnyOrder("INTEGER", "TEXT", "REAL", "BLOB");
        assertThat(family("postgresql", "bool")).isEqualTo(family("sqlite", "INTEGER"));
        assertThat(family("postgresql", "text")).isNotEqualTo(family("sqlite", "INTEGER"));
        Table integerKey = new Table(new TreeMap<>(Map.of("a", new Column("INTEGER", true))), List.of("a"), new TreeSet<>(), new TreeMap<>());
        Table textKey = new Table(new TreeMap<>(Map.of("a", new Column("TEXT", true))), List.of("a"), new TreeSet<>(), new TreeMap<>());
        assertThat(integerKey.differencesFrom(integerKey)).isEmpty();
        assertThat(integerKey.differencesFrom(textKey)).singleElement()
                .satisfies(difference -> assertThat(difference).startsWith("column a:").contains("INTEGER").contains("TEXT"));
    }

    record Schema(SortedMap<String, Table> tables) {
    }

    record Column(String family, boolean notNull) {
    }

    /** An index created by CREATE INDEX (not one backing a constraint). */
    record Index(List<String> columns, boolean unique, boolean partial) {
    }

    record Table(SortedMap<String, Column> columns, List<String> primaryKey, SortedSet<String> uniqueConstraints,
            SortedMap<String, Index> indexes) {

        /** What {@code other} (the PostgreSQL side) has otherwise than this table, one line each. */
        List<String> differencesFrom(Table other) {
            List<String> differences = new ArrayList<>();
            Set<String> names = new TreeSet<>(columns.keySet());
            names.addAll(other.columns.keySet());
            for (String name : names) {
                Column mine = columns.get(name);
                Column theirs = other.columns.get(name);
                if (!Objects.equals(mine, theirs)) {
                    differences.add("column " + name + ": SQLite " + mine + ", PostgreSQL " + theirs);
                }
            }
            if (!primaryKey.equals(other.primaryKey)) {
                differences.add("primary key: SQLite " + primaryKey + ", PostgreSQL " + other.primaryKey);
            }
            if (!uniqueConstraints.equals(other.uniqueConstraints)) {
                differences.add("unique constraints: SQLite " + uniqueConstraints + ", PostgreSQL " + other.uniqueConstraints);
            }
            if (!indexes.equals(other.indexes)) {
                differences.add("indexes: SQLite " + indexes + ", PostgreSQL " + other.indexes);
            }
            return differences;
        }
    }

    private static String family(String vendor, String type) {
        String family = TYPE_FAMILIES.get(vendor + ":" + type);
        assertThat(family).as("the type " + type + " on " + vendor + " has a family in TYPE_FAMILIES").isNotNull();
        return family;
    }

    private static Schema readSqlite(Handle handle) {
        SortedMap<String, Table> tables = new TreeMap<>();
        List<String> names = handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> :flyway")
                .bind("flyway", FLYWAY_HISTORY).mapTo(String.class).list();
        for (String table : names) {
            SortedMap<String, Column> columns = new TreeMap<>();
            SortedMap<Integer, String> primaryKey = new TreeMap<>();
            // Table names come from sqlite_master itself; the PRAGMA functions take them as bound values.
            List<Map<String, Object>> tableInfo = handle.createQuery("SELECT name, type, \"notnull\", pk FROM pragma_table_info(:table)")
                    .bind("table", table).mapToMap().list();
            for (Map<String, Object> column : tableInfo) {
                String name = (String) column.get("name");
                int pk = ((Number) column.get("pk")).intValue();
                // A primary key column is NOT NULL on PostgreSQL; SQLite would let a non-INTEGER one hold
                // NULL (a bug it keeps for compatibility), which no DAO writes.
                boolean notNull = ((Number) column.get("notnull")).intValue() == 1 || pk > 0;
                columns.put(name, new Column(family("sqlite", ((String) column.get("type")).toUpperCase(Locale.ROOT)), notNull));
                if (pk > 0) {
                    primaryKey.put(pk, name);
                }
            }
            SortedSet<String> uniqueConstraints = new TreeSet<>();
            SortedMap<String, Index> indexes = new TreeMap<>();
            List<Map<String, Object>> indexList = handle.createQuery("SELECT name, \"unique\", origin, partial FROM pragma_index_list(:table)")
                    .bind("table", table).mapToMap().list();
            for (Map<String, Object> index : indexList) {
                String name = (String) index.get("name");
                List<String> indexColumns = handle.createQuery("SELECT name FROM pragma_index_info(:index) ORDER BY seqno")
                        .bind("index", name).mapTo(String.class).list();
                switch ((String) index.get("origin")) {
                    case "c" -> indexes.put(name, new Index(indexColumns, ((Number) index.get("unique")).intValue() == 1,
                            ((Number) index.get("partial")).intValue() == 1));
                    case "u" -> uniqueConstraints.add(String.join(",", indexColumns));
                    default -> { } // "pk": the primary key, read above with its columns
                }
            }
            tables.put(table, new Table(columns, List.copyOf(primaryKey.values()), uniqueConstraints, indexes));
        }
        return new Schema(tables);
    }

    private static Schema readPostgres(Handle handle) {
        SortedMap<String, Table> tables = new TreeMap<>();
        List<String> names = handle.createQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> :flyway")
                .bind("flyway", FLYWAY_HISTORY).mapTo(String.class).list();
        for (String table : names) {
            SortedMap<String, Column> columns = new TreeMap<>();
            List<Map<String, Object>> columnList = handle.createQuery("SELECT column_name, udt_name, is_nullable"
                            + " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = :table")
                    .bind("table", table).mapToMap().list();
            for (Map<String, Object> column : columnList) {
                columns.put((String) column.get("column_name"), new Column(family("postgresql", (String) column.get("udt_name")),
                        "NO".equals(column.get("is_nullable"))));
            }
            List<String> primaryKey = List.of();
            SortedSet<String> uniqueConstraints = new TreeSet<>();
            SortedMap<String, Index> indexes = new TreeMap<>();
            // Every index of the table, with the constraint it backs if any, and its columns in order.
            List<Map<String, Object>> indexList = handle.createQuery("""
                    SELECT i.relname AS name, x.indisunique AS is_unique, x.indpred IS NOT NULL AS partial,
                           c.contype::text AS constraint_type,
                           array_to_string(ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true)
                                                 FROM generate_series(1, x.indnatts) AS k ORDER BY k), ',') AS columns
                    FROM pg_index x
                    JOIN pg_class i ON i.oid = x.indexrelid
                    JOIN pg_class t ON t.oid = x.indrelid
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.contype IN ('p', 'u')
                    WHERE n.nspname = current_schema() AND t.relname = :table
                    """).bind("table", table).mapToMap().list();
            for (Map<String, Object> index : indexList) {
                String indexColumns = (String) index.get("columns");
                String constraint = (String) index.get("constraint_type");
                if ("p".equals(constraint)) {
                    primaryKey = List.of(indexColumns.split(","));
                } else if ("u".equals(constraint)) {
                    uniqueConstraints.add(indexColumns);
                } else {
                    indexes.put((String) index.get("name"), new Index(List.of(indexColumns.split(",")),
                            (Boolean) index.get("is_unique"), (Boolean) index.get("partial")));
                }
            }
            tables.put(table, new Table(columns, primaryKey, uniqueConstraints, indexes));
        }
        return new Schema(tables);
    }
}
