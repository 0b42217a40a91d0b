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
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Opens the configured store, creating the SQLite file's folder and migrating the schema first. The
 * JDBC URL chooses the database: SQLite (embedded, the default) or PostgreSQL (shared by several
 * instances).
 */
public final class Database {

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    /** The databases Pitchgate runs on; each has its own migrations, under {@code db/migration/<folder>}. */
    public enum Vendor {
        SQLITE(SQLITE_PREFIX, "sqlite"),
        POSTGRESQL("jdbc:postgresql:", "postgresql");

        private final String urlPrefix;
        private final String folder;

        Vendor(String urlPrefix, String folder) {
            this.urlPrefix = urlPrefix;
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }

    private Database() {
    }

    public static Served open(Environment environment, DataSourceFactory factory) {
        vendor(factory.getUrl()); // an unsupported URL fails here, before a pool is built
        createSqliteFolder(factory.getUrl());
        ManagedDataSource dataSource = factory.build(environment.metrics(), "store");
        migrate(dataSource, factory.getUrl());
        // The factory manages the data source: it is closed when the server stops.
        return new Served(new JdbiFactory().build(environment, factory, dataSource, "store"), dataSource);
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

    /**
     * Runs read-only work on one consistent snapshot. On SQLite it begins a deferred transaction: the
     * IMMEDIATE mode configured for writes would take the database's single write lock for a read.
     */
    public static <T> T inReadTransaction(Jdbi jdbi, Vendor vendor, HandleCallback<T, RuntimeException> work) {
        if (vendor != Vendor.SQLITE) {
            return jdbi.inTransaction(work);
        }
        return jdbi.withHandle(handle -> {
            handle.execute("BEGIN DEFERRED");
            T result;
            try {
                result = work.withHandle(handle);
            } catch (RuntimeException e) {
                try {
                    handle.execute("ROLLBACK");
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
            handle.execute("COMMIT");
            return result;
        });
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
                .locations("classpath:db/migration/" + vendor(url).folder())
                .load()
                .migrate();
    }

    public static Vendor vendor(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (Vendor vendor : Vendor.values()) {
            if (lower.startsWith(vendor.urlPrefix)) {
                return vendor;
            }
        }
        throw new IllegalArgumentException("unsupported database URL " + url
                + ": Pitchgate supports jdbc:sqlite: and jdbc:postgresql:");
    }

    /** The database behind a Jdbi, read from a connection's URL. */
    public static Vendor vendor(Jdbi jdbi) {
        try {
            String url = jdbi.withHandle(handle -> handle.getConnection().getMetaData().getURL());
            return vendor(url);
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
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

    /**
     * The store opened by the server: Jdbi for most work, and its pool itself for the look-ups that
     * are cheaper in plain JDBC ({@link CrmReader}).
     */
    public record Served(Jdbi jdbi, DataSource dataSource) {
    }

    /** A store opened by a command. */
    public record Standalone(Jdbi jdbi, ManagedDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            dataSource.stop();
        }
    }
}
