package com.pitchgate.store;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Opens the configured store, creating the SQLite file's folder and migrating the schema first. */
public final class Database {

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    private Database() {
    }

    public static Jdbi open(Environment environment, DataSourceFactory factory) {
        createSqliteFolder(factory.getUrl());
        ManagedDataSource dataSource = factory.build(environment.metrics(), "store");
        migrate(dataSource, factory.getUrl());
        // The factory manages the data source: it is closed when the server stops.
        return new JdbiFactory().build(environment, factory, dataSource, "store");
    }

    /**
     * The store for a command that runs without the server: migrated like a server start, with the
     * same connection settings; closing it closes its connections.
     */
    public static Standalone openStandalone(DataSourceFactory factory, MetricRegistry metrics) {
        createSqliteFolder(factory.getUrl());
        ManagedDataSource dataSource = factory.build(metrics, "store");
        migrate(dataSource, factory.getUrl());
        return new Standalone(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()), dataSource);
    }

    /** The SQLite file a URL names; empty for in-memory databases and URLs that are not SQLite files. */
    public static Optional<Path> sqliteFile(String url) {
        if (!url.startsWith(SQLITE_PREFIX)) {
            return Optional.empty();
        }
        String file = url.substring(SQLITE_PREFIX.length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file).toAbsolutePath());
    }

    /** Brings the schema up to date; the migrations of each database vendor live in their own folder. */
    public static void migrate(javax.sql.DataSource dataSource, String url) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor(url))
                .load()
                .migrate();
    }

    static String vendor(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SQLITE_PREFIX)) {
            return "sqlite";
        }
        throw new IllegalArgumentException("unsupported database URL " + url + ": Pitchgate supports jdbc:sqlite:");
    }

    private static void createSqliteFolder(String url) {
        Optional<Path> file = sqliteFile(url);
        if (file.isEmpty()) {
            return;
        }
        Path parent = file.get().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + parent, e);
        }
    }

    /** A store opened by a command. */
    public record Standalone(Jdbi jdbi, ManagedDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            dataSource.stop();
        }
    }
}
