package com.pitchgate.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests run against, named by {@value #URL_VARIABLE} (set by
 * {@code scripts/with-postgres.sh}). Each test class or test gets a database of its own on it, so
 * that tests never see each other's rows. Without the variable, PostgreSQL tests are skipped, but
 * on CI ({@code CI=true}) they fail: there they must run.
 */
public final class PostgresTestServer {

    public static final String URL_VARIABLE = "PITCHGATE_TEST_POSTGRES_URL";
    static final String MISSING = URL_VARIABLE + " is not set, so the PostgreSQL tests cannot run; run the tests"
            + " with scripts/with-postgres.sh mvn -B verify (it starts a throwaway PostgreSQL server)";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> CREATED = new ArrayList<>();
    private static PostgresTestServer server;

    private final String serverUrl;
    private final String hostAndPort;
    private final String query;
    private final String user;
    private final String password;

    private PostgresTestServer(String serverUrl) {
        this.serverUrl = serverUrl;
        URI uri = URI.create(serverUrl.substring("jdbc:".length()));
        this.hostAndPort = uri.getRawAuthority();
        this.query = uri.getRawQuery();
        Map<String, String> parameters = parameters(query);
        this.user = parameters.getOrDefault("user", System.getProperty("user.name"));
        this.password = parameters.getOrDefault("password", "");
    }

    /** The server; skips the calling test when none is configured (fails it on CI). */
    public static synchronized PostgresTestServer require() {
        if (server == null) {
            if (!configured() && onCi()) {
                fail("on CI the PostgreSQL tests must run: " + MISSING);
            }
            assumeTrue(configured(), MISSING);
            String url = System.getenv(URL_VARIABLE);
            if (!url.startsWith("jdbc:postgresql://")) {
                fail(URL_VARIABLE + " must be a jdbc:postgresql:// URL, not " + url);
            }
            server = new PostgresTestServer(url);
            Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreatedDatabases, "drop-test-databases"));
        }
        return server;
    }

    static boolean configured() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** A new, empty database on the server; its JDBC URL. */
    public synchronized String createDatabase() {
        String name = "pitchgate_test_" + (CREATED.size() + 1) + "_" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
        // CREATE DATABASE takes no parameters: the name is ours, and checked.
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalStateException("unexpected database name " + name);
        }
        execute("CREATE DATABASE " + name);
        CREATED.add(name);
        return "jdbc:postgresql://" + hostAndPort + "/" + name + (query == null ? "" : "?" + query);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Test databases go with the JVM; a throwaway server goes anyway, a developer's own keeps no clutter. */
    private synchronized void dropCreatedDatabases() {
        for (String name : CREATED) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                // The server may already be gone.
                return;
            }
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + serverUrl, e);
        }
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
