package com.pitchgate.support;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pitchgate.store.Database;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.ConfigOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A new, empty database for a test: a SQLite file in a temporary folder, or a database of its own
 * on the PostgreSQL test server (the test is skipped when there is none, see {@link PostgresTestServer}).
 */
public final class TestDatabase implements AutoCloseable {

    private static final String SQLITE_DRIVER = "org.sqlite.JDBC";
    private static final String POSTGRES_DRIVER = "org.postgresql.Driver";

    private final Database.Vendor vendor;
    private final String url;
    private final String user;
    private final String password;
    private ManagedDataSource dataSource;

    private TestDatabase(Database.Vendor vendor, String url, String user, String password) {
        this.vendor = vendor;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static TestDatabase create(Database.Vendor vendor) {
        return switch (vendor) {
            case SQLITE -> new TestDatabase(vendor, TestApp.newDatabaseUrl(), "", "");
            case POSTGRESQL -> {
                PostgresTestServer server = PostgresTestServer.require();
                yield new TestDatabase(vendor, server.createDatabase(), server.user(), server.password());
            }
        };
    }

    /**
     * Overrides pointing the application's store at a database created when the application starts
     * (so that a test class skipped for want of PostgreSQL creates none). The database settings of
     * test-config.yml stay, SQLite pragmas included: PostgreSQL's driver ignores properties it does
     * not know.
     */
    public static ConfigOverride[] overridesCreatedOnStart(Database.Vendor vendor) {
        Supplier<TestDatabase> database = new Supplier<>() {
            private TestDatabase created;

            @Override
            public synchronized TestDatabase get() {
                if (created == null) {
                    created = create(vendor);
                }
                return created;
            }
        };
        return overrides(database);
    }

    public ConfigOverride[] overrides() {
        return overrides(() -> this);
    }

    private static ConfigOverride[] overrides(Supplier<TestDatabase> database) {
        return new ConfigOverride[] {
            ConfigOverride.config("database.url", () -> database.get().url),
            ConfigOverride.config("database.driverClass", () -> database.get().driverClass()),
            ConfigOverride.config("database.user", () -> database.get().user),
            ConfigOverride.config("database.password", () -> database.get().password),
        };
    }

    public Database.Vendor vendor() {
        return vendor;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * The database, migrated, through the same pooled data source the application builds from
     * test-config.yml's {@code database} settings.
     */
    public synchronized Jdbi jdbi() {
        return Jdbi.create(dataSource()).installPlugin(new SqlObjectPlugin());
    }

    /** The pooled data source behind {@link #jdbi()}, built and migrated on first use. */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            DataSourceFactory factory = testConfigDataSource();
            factory.setDriverClass(driverClass());
            factory.setUrl(url);
            factory.setUser(user);
            factory.setPassword(password);
            dataSource = factory.build(new MetricRegistry(), "test-store");
            Database.migrate(dataSource, url);
        }
        return dataSource;
    }

    @Override
    public synchronized void close() throws Exception {
        if (dataSource != null) {
            dataSource.stop();
            dataSource = null;
        }
    }

    private String driverClass() {
        return vendor == Database.Vendor.POSTGRESQL ? POSTGRES_DRIVER : SQLITE_DRIVER;
    }

    private static DataSourceFactory testConfigDataSource() {
        ObjectMapper yaml = Jackson.newObjectMapper(new YAMLFactory());
        try {
            JsonNode config = yaml.readTree(Files.readString(Path.of(TestApp.configPath())));
            return yaml.treeToValue(config.path("database"), DataSourceFactory.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
