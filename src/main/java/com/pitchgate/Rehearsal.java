package com.pitchgate;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.pitchgate.access.ApiKeys;
import com.pitchgate.access.Role;
import com.pitchgate.analyze.KindClassifier;
import com.pitchgate.store.Database;
import com.pitchgate.store.StoredApiKeys;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.ValidatorFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server does before it opens its ports: it wires a second copy of itself into a scratch
 * environment over a scratch SQLite file, with the same connectors bound to ephemeral loopback
 * ports, sends that copy pitches over HTTP on the endpoints and with the kind of key clients use,
 * then stops it and deletes the file. The JVM compiles the whole path of a pitch (HTTP, auth, JSON, intake,
 * the store, extraction, analysis, policies) while nobody waits; compiled code belongs to the classes,
 * so the real server, wired next, starts with it. Only screening used to be warmed up like this, and
 * the first 500 answers after a start came at under half the later rate, most of the difference
 * being HTTP and the store still interpreted or compiling.
 *
 * <p>The copy shares the screening stages (models, policies, plugins) with the real server and has
 * none of its mail channels (IMAP, SMTP, outbox), so it reads and sends nothing outside the process;
 * its store is SQLite even when the real one is PostgreSQL. It needs a plain HTTP application
 * connector; behind an https connector of Jetty's own the server starts without rehearsing. The
 * scratch folders of servers that died while they rehearsed are removed ({@link ScratchFolders}).
 */
final class Rehearsal {

    private static final Logger LOG = LoggerFactory.getLogger(Rehearsal.class);
    /** Requests in flight at once: enough for the group commit's batches to form, as under load. */
    private static final int CONCURRENT = 4;
    private static final long TIMEOUT_SECONDS = 60;
    private static final String LOOPBACK = "127.0.0.1";
    /** Dropwizard's name for the connectors of the admin port. */
    private static final String ADMIN_CONNECTOR = "admin";
    /** Jetty's names of the protocols a connector speaks (looked up in any case). */
    private static final String HTTP_1_1 = "HTTP/1.1";
    private static final String TLS = "SSL";

    /** Wires the application into an environment over a given store, as {@code run} does for the real one. */
    interface Wiring {
        void wire(Environment environment, DataSourceFactory database) throws Exception;
    }

    private final PitchgateConfiguration config;
    private final Environment real;
    private final ValidatorFactory validators;
    private final String space;
    private final Clock clock;

    /** @param space the space whose ingest key the rehearsal's requests carry (their pitches go to it) */
    Rehearsal(PitchgateConfiguration config, Environment real, ValidatorFactory validators, String space, Clock clock) {
        this.config = config;
        this.real = real;
        this.validators = validators;
        this.space = space;
        this.clock = clock;
    }

    /**
     * Sends {@code messages} pitches through a scratch copy of the application; 0 rehearses nothing.
     * A rehearsal that fails (no room in the temporary folder, say) is logged, and the server starts
     * without it: it only makes the first answers faster.
     */
    void run(int messages, Wiring wiring) {
        if (messages == 0) {
            return;
        }
        try {
            rehearse(messages, wiring);
        } catch (Exception e) {
            LOG.warn("rehearsal: failed; the server starts without it", e);
        }
    }

    private void rehearse(int messages, Wiring wiring) throws Exception {
        long started = System.nanoTime();
        Path folder = Files.createTempDirectory(ScratchFolders.PREFIX);
        Outcome outcome;
        try (ScratchFolders.InUse inUse = ScratchFolders.inUse(folder)) {
            if (inUse.held()) {
                // Where locks cannot be taken, those of other folders cannot be tested either.
                ScratchFolders.removeAbandoned(folder);
            }
            // The copy's start would log as the server's own (its banner, "Opened application@...", the
            // endpoints, the settings read): only its errors are logged.
            try (QuietLogs quiet = QuietLogs.onlyErrors("io.dropwizard", "org.eclipse.jetty", "org.glassfish", "com.pitchgate")) {
                DataSourceFactory database = scratchDatabase(folder.resolve("rehearsal.db"));
                String key = scratchKey(database);
                Environment scratch = new Environment(real.getName(), real.getObjectMapper(), validators,
                        new MetricRegistry(), Rehearsal.class.getClassLoader(), new HealthCheckRegistry(), config);
                config.getServerFactory().configure(scratch);
                wiring.wire(scratch, database);
                outcome = serve(scratch, messages, key);
            }
        } finally {
            ScratchFolders.delete(folder);
        }
        if (outcome.noConnector()) {
            LOG.warn("rehearsal: no plain HTTP application connector (https is terminated in front of Pitchgate"
                    + " in most set-ups); the server starts without it");
            return;
        }
        if (outcome.firstRefusal() != null) {
            // Not fatal: the server would answer clients the same way, and they should be able to see it.
            LOG.warn("rehearsal: {} of {} messages were not accepted; the first answer was: {}",
                    messages - outcome.answered(), messages, outcome.firstRefusal());
        }
        real.metrics().counter(MetricRegistry.name(Rehearsal.class, "answered")).inc(outcome.answered());
        LOG.info("rehearsal: {} of {} messages answered in {} ms, before the ports open", outcome.answered(), messages,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** What the copy answered: how many pitches it accepted, its first other answer, or that it had no connector to send to. */
    private record Outcome(int answered, String firstRefusal, boolean noConnector) {
    }

    private Outcome serve(Environment scratch, int messages, String key) throws Exception {
        Server server = config.getServerFactory().build(scratch);
        ServerConnector application = null;
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector network) {
                // The same connectors as the real server's, on ports no client knows.
                network.setHost(LOOPBACK);
                network.setPort(0);
                boolean plainHttp = network.getConnectionFactory(HTTP_1_1) != null && network.getConnectionFactory(TLS) == null;
                if (application == null && plainHttp && !ADMIN_CONNECTOR.equals(network.getName())) {
                    application = network;
                }
            }
        }
        // A thousand lines in the request log would say nothing about real clients.
        server.setRequestLog(null);
        // Started even with nothing to send to, so that stopping it releases all that was wired.
        server.start();
        try {
            if (application == null) {
                return new Outcome(0, null, true);
            }
            return send(apiRoot(scratch, application.getLocalPort()), messages, key);
        } finally {
            server.stop();
        }
    }

    /** Where the scratch server's resources are, as {@code server.rootPath} and the context path place them. */
    private static String apiRoot(Environment scratch, int port) {
        String context = scratch.getApplicationContext().getContextPath();
        String jersey = scratch.jersey().getUrlPattern();
        String root = (context.equals("/") ? "" : context) + (jersey.endsWith("/*") ? jersey.substring(0, jersey.length() - 2) : jersey);
        return "http://" + LOOPBACK + ":" + port + root;
    }

    private Outcome send(String root, int messages, String key) throws Exception {
        List<String> texts = KindClassifier.shippedTexts();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<String> refused = new AtomicReference<>();
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENT, runnable -> {
            Thread thread = new Thread(runnable, "rehearsal");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build();
        Callable<Void> sender = () -> {
            for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                HttpResponse<String> response = client.send(request(root, i, texts.get(i % texts.size()), key),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    answered.incrementAndGet();
                } else {
                    refused.compareAndSet(null, response.statusCode() + " " + response.body());
                }
            }
            return null;
        };
        try {
            for (Future<Void> running : senders.invokeAll(Collections.nCopies(CONCURRENT, sender))) {
                running.get();
            }
        } finally {
            senders.shutdownNow();
        }
        return new Outcome(answered.get(), refused.get(), false);
    }

    /** Every fifth pitch a web-form post in JSON; the others raw e-mails, as the IMAP and SMTP intakes also submit them. */
    static HttpRequest request(String root, int number, String text, String key) {
        boolean form = number % 5 == 4;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + (form ? "/api/pitches" : "/api/messages")))
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .header("Content-Type", form ? "application/json" : "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form ? RehearsalMessages.form(number, text) : RehearsalMessages.email(number, text),
                        StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request.build();
    }

    /**
     * The scratch store: a SQLite file with the real store's connection settings when that is SQLite
     * too (so that the same statements and pragmas run), SQLite's embedded defaults otherwise.
     */
    private DataSourceFactory scratchDatabase(Path file) {
        DataSourceFactory realDatabase = config.getDatabase();
        boolean sqlite = Database.vendor(realDatabase.getUrl()) == Database.Vendor.SQLITE;
        DataSourceFactory scratch = new DataSourceFactory();
        scratch.setDriverClass("org.sqlite.JDBC");
        scratch.setUrl("jdbc:sqlite:" + file);
        scratch.setUser("");
        scratch.setPassword("");
        scratch.setAutoCommentsEnabled(false);
        scratch.setValidationQuery("SELECT 1");
        Map<String, String> properties = new HashMap<>(sqlite ? realDatabase.getProperties() : Map.of(
                "journal_mode", "WAL", "foreign_keys", "true", "transaction_mode", "IMMEDIATE",
                "busy_timeout", "10000", "jdbc.get_generated_keys", "false"));
        // The rehearsal's writes are thrown away: waiting for the disk would only slow the start.
        properties.put("synchronous", "OFF");
        scratch.setProperties(properties);
        return scratch;
    }

    /** An ingest key of the default space in the scratch store, when the API takes keys. */
    private String scratchKey(DataSourceFactory database) throws Exception {
        if (!config.getAuth().enabled) {
            return null;
        }
        String key = ApiKeys.generate();
        try (Database.Standalone store = Database.openStandalone(database, new MetricRegistry())) {
            new StoredApiKeys(store.jdbi()).add(space, "rehearsal", Role.INGEST_NAME, null, ApiKeys.hash(key),
                    clock.millis());
        }
        return key;
    }

    /** Loggers set to log errors only, for a while; closing puts back the levels they had (set or inherited). */
    private static final class QuietLogs implements AutoCloseable {

        private final Map<ch.qos.logback.classic.Logger, ch.qos.logback.classic.Level> levels = new HashMap<>();

        static QuietLogs onlyErrors(String... names) {
            QuietLogs quiet = new QuietLogs();
            for (String name : names) {
                if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                    quiet.levels.put(logger, logger.getLevel());
                    logger.setLevel(ch.qos.logback.classic.Level.ERROR);
                }
            }
            return quiet;
        }

        @Override
        public void close() {
            levels.forEach(ch.qos.logback.classic.Logger::setLevel);
        }
    }
}
