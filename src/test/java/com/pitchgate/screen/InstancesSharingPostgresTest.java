package com.pitchgate.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.PitchgateApplication;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.store.Database;
import com.pitchgate.store.PitchDao;
import com.pitchgate.store.PitchStore;
import com.pitchgate.support.Json;
import com.pitchgate.support.RequiresPostgres;
import com.pitchgate.support.StoredUnscreened;
import com.pitchgate.support.TestApp;
import com.pitchgate.support.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Several Pitchgate instances on one PostgreSQL database, in this JVM on random loopback ports:
 * pitches posted to any of them concurrently, pitches stored raw for their recovery sweepers to
 * compete for, and one instance stopped while requests are in flight. Each pitch must be decided
 * exactly once, and nothing acknowledged may be lost.
 */
@RequiresPostgres
class InstancesSharingPostgresTest {

    /**
     * Instances started while others run each remember the others' overrides as the "original"
     * system properties and put them back when stopped; clear them, so later tests see their own.
     */
    @org.junit.jupiter.api.AfterEach
    void clearConfigOverrides() {
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("dw."))
                .forEach(System::clearProperty);
    }


    private static final String SPACE = "la-fabrique";
    private static final String RECOVERED = "com.pitchgate.screen.RecoverySweeper.recovered";
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * With a lease longer than any screening takes, no pitch should be claimed twice: the HTTP
     * path and three sweepers never take a pitch another one holds.
     */
    @Test
    void eachPitchIsDecidedOnceByOneOfThreeInstances() throws Exception {
        try (TestDatabase database = TestDatabase.create(Database.Vendor.POSTGRESQL);
                Instances instances = Instances.start(3, database, Duration.ofMillis(200), Duration.ofSeconds(60),
                        Duration.ofSeconds(30))) {
            PitchStore store = new PitchStore(database.jdbi());
            Load load = new Load(instances, 240, 6);
            List<Long> raw = new ArrayList<>();
            Thread rawIntake = new Thread(() -> raw.addAll(storeRawInBursts(store, "compete", 60, 6)), "raw-intake");
            rawIntake.start();
            List<Posted> posted = load.run(null);
            rawIntake.join(SETTLE.toMillis());

            awaitAllDecided(store);
            assertThat(posted).allSatisfy(p -> assertThat(p.status()).as(p.toString()).isIn(200, 201, 202));
            assertDecidedExactlyOnce(database.jdbi(), acknowledged(posted), raw);
            assertThat(count(database.jdbi(), "SELECT count(*) FROM pitches")).as("duplicates posted to two instances stored once")
                    .isEqualTo(load.distinctPitches() + raw.size());
            assertThat(count(database.jdbi(), "SELECT count(*) FROM pitches WHERE attempts <> 1")).as("pitches claimed twice").isZero();
            assertAnswersMatchTheRecords(database.jdbi(), posted);

            List<Long> recovered = instances.recoveredCounts();
            assertThat(recovered.stream().mapToLong(Long::longValue).sum()).as("raw pitches are decided by the sweepers")
                    .isGreaterThanOrEqualTo(raw.size());
            System.out.printf("three instances: %d posts (202, not decided yet: %d for a new pitch, %d for a duplicate),"
                    + " %d raw pitches; decided by each sweeper: %s; load took %d ms; answers took %s%n", posted.size(),
                    posted.stream().filter(p -> p.status() == 202 && !p.duplicate()).count(),
                    posted.stream().filter(p -> p.status() == 202 && p.duplicate()).count(), raw.size(),
                    recovered, load.elapsedMillis(), latencies(posted));
        }
    }

    /**
     * One instance is stopped while requests are in flight, with no grace period, so that they are
     * cut off; a client that gets no answer tries a survivor with the same pitch. Pitches the
     * stopped instance held (here also claims made as if by an instance that crashed) are taken up
     * by the survivors once the 2 s lease runs out.
     */
    @Test
    void nothingAcknowledgedIsLostWhenAnInstanceStopsMidLoad() throws Exception {
        try (TestDatabase database = TestDatabase.create(Database.Vendor.POSTGRESQL);
                Instances instances = Instances.start(3, database, Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ZERO)) {
            PitchStore store = new PitchStore(database.jdbi());
            Load load = new Load(instances, 180, 6);
            List<Long> heldByCrashedInstance = new ArrayList<>();
            List<Posted> posted = load.run(() -> {
                heldByCrashedInstance.addAll(storeClaimedByACrashedInstance(database.jdbi(), 20, Duration.ofSeconds(2)));
                instances.stop(0);
            });

            awaitAllDecided(store);
            List<Posted> acknowledged = posted.stream().filter(Posted::acknowledged).toList();
            assertThat(posted).filteredOn(p -> p.instance() != 0).as("survivors answer every request")
                    .allSatisfy(p -> assertThat(p.acknowledged()).as(p.toString()).isTrue());
            assertThat(load.givenUp()).as("pitches no instance acknowledged").isZero();
            assertThat(heldByCrashedInstance).hasSize(20);
            assertDecidedExactlyOnce(database.jdbi(), acknowledged(posted), heldByCrashedInstance);
            assertThat(count(database.jdbi(), "SELECT count(*) FROM pitches WHERE id IN (" + ids(heldByCrashedInstance)
                    + ") AND attempts >= 2")).as("taken over after the lease").isEqualTo(20);
            System.out.printf("instance stopped mid-load: %d requests, %d acknowledged (%d by the stopped instance), %d retried on a"
                    + " survivor, %d pitches stored; load took %d ms; survivors' answers took %s%n", posted.size(),
                    acknowledged.size(), acknowledged.stream().filter(p -> p.instance() == 0).count(), load.retried(),
                    count(database.jdbi(), "SELECT count(*) FROM pitches"), load.elapsedMillis(),
                    latencies(posted.stream().filter(p -> p.instance() != 0).toList()));
        }
    }

    private static void assertDecidedExactlyOnce(Jdbi jdbi, Set<Long> acknowledged, List<Long> raw) {
        assertThat(count(jdbi, "SELECT count(*) FROM pitches WHERE state <> 'decided'")).as("undecided pitches").isZero();
        assertThat(count(jdbi, "SELECT count(*) FROM pitches p WHERE NOT EXISTS"
                + " (SELECT 1 FROM decisions d WHERE d.pitch_id = p.id)")).as("pitches without a decision").isZero();
        assertThat(count(jdbi, "SELECT count(*) FROM (SELECT pitch_id FROM decisions GROUP BY pitch_id"
                + " HAVING count(*) > 1) twice")).as("pitches decided twice").isZero();
        assertThat(count(jdbi, "SELECT count(*) FROM (SELECT pitch_id FROM reasons GROUP BY pitch_id"
                + " HAVING count(*) <> max(ordinal) + 1) gaps")).as("pitches whose reasons are not one list").isZero();
        assertThat(count(jdbi, "SELECT count(*) FROM (SELECT pitch_id FROM reasons GROUP BY pitch_id, policy, signal, detail"
                + " HAVING count(*) > 1) repeated")).as("reasons written twice").isZero();
        assertThat(count(jdbi, "SELECT count(*) FROM decisions d WHERE NOT EXISTS"
                + " (SELECT 1 FROM reasons r WHERE r.pitch_id = d.pitch_id AND r.decisive)")).as("decisions without a decisive reason")
                .isZero();
        Set<Long> expected = new HashSet<>(acknowledged);
        expected.addAll(raw);
        List<Long> decided = jdbi.withHandle(h -> h.createQuery("SELECT pitch_id FROM decisions").mapTo(Long.class).list());
        assertThat(decided).as("every acknowledged pitch is decided").containsAll(expected);
    }

    /** What each instance answered is what was stored: no second decision replaced the first. */
    private static void assertAnswersMatchTheRecords(Jdbi jdbi, List<Posted> posted) {
        Map<Long, String> queues = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT pitch_id, queue FROM decisions")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e -> queues.put(e.getKey(), e.getValue())));
        for (Posted p : posted) {
            if (p.status() == 201 || p.status() == 200) {
                assertThat(p.queue()).as(p.toString()).isEqualTo(queues.get(p.id()));
            }
        }
    }

    private static String latencies(List<Posted> posted) {
        long[] millis = posted.stream().mapToLong(Posted::millis).sorted().toArray();
        return String.format("median %d ms, 95th percentile %d ms, max %d ms", millis[millis.length / 2],
                millis[(int) (millis.length * 0.95)], millis[millis.length - 1]);
    }

    private static Set<Long> acknowledged(List<Posted> posted) {
        Set<Long> ids = new HashSet<>();
        posted.stream().filter(Posted::acknowledged).forEach(p -> ids.add(p.id()));
        return ids;
    }

    /** Stores e-mails raw, as an instance does before it answers, without screening them. */
    private static List<Long> storeRawInBursts(PitchStore store, String tag, int pitches, int bursts) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < pitches; i++) {
            String mail = "From: Raw Sender " + i + " <raw" + i + "@" + tag + ".example>\r\n"
                    + "Subject: Desk\r\nMessage-ID: <" + tag + "-" + i + "@" + tag + ".example>\r\n\r\n"
                    + "Hello, do you have a desk for " + (i % 5 + 1) + " people next month? What are your rates?\r\n";
            ids.add(StoredUnscreened.message(store, SPACE, mail.getBytes(StandardCharsets.UTF_8)).id());
            if (bursts > 1 && (i + 1) % (pitches / bursts) == 0) {
                sleep(Duration.ofMillis(300));
            }
        }
        return ids;
    }

    /**
     * Pitches stored and claimed in one transaction, as by an instance that took them and died:
     * no sweeper ever sees them unclaimed, so all of them wait for their lease to run out.
     */
    private static List<Long> storeClaimedByACrashedInstance(Jdbi jdbi, int pitches, Duration lease) {
        Instant now = Instant.now();
        return jdbi.inTransaction(h -> {
            PitchDao dao = h.attach(PitchDao.class);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < pitches; i++) {
                String mail = "From: Crash " + i + " <crash" + i + "@crashed.example>\r\nSubject: Office\r\n\r\n"
                        + "Hello, is a private office for " + (i + 2) + " people free in March? How much is it?\r\n";
                long id = dao.insertIfNew(SPACE, "email", "crashed-" + i, null, now.toEpochMilli(), "received", 0, null)
                        .orElseThrow();
                dao.insertRaw(id, mail.getBytes(StandardCharsets.UTF_8));
                assertThat(dao.claim(id, now.toEpochMilli(), now.plus(lease).toEpochMilli())).isEqualTo(1);
                ids.add(id);
            }
            return ids;
        });
    }

    private static void awaitAllDecided(PitchStore store) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (store.countUndecided() > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
        }
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static String ids(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request and its answer; status 0 when no answer came (the instance was stopping or gone). */
    record Posted(int n, int instance, int status, long id, boolean duplicate, String queue, String error, long millis) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Posts {@code pitches} web-form pitches from {@code clients} threads, spread over the live
     * instances; every tenth is also posted, at the same moment, to a second instance. A request
     * that gets no answer is tried once more on another live instance, as a client would.
     */
    static final class Load {
        private final Instances instances;
        private final int pitches;
        private final int clients;
        private final AtomicInteger retried = new AtomicInteger();
        private final AtomicInteger givenUp = new AtomicInteger();
        private long elapsedMillis;

        Load(Instances instances, int pitches, int clients) {
            this.instances = instances;
            this.pitches = pitches;
            this.clients = clients;
        }

        /** Runs the load; {@code midway}, if given, runs on its own thread once a third of the pitches are answered. */
        List<Posted> run(Runnable midway) throws Exception {
            List<Posted> posted = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            // Twins wait on their own threads: a client thread waiting on a task queued behind it would never see it run.
            ExecutorService twins = Executors.newFixedThreadPool(2);
            // A request cut off by the stop can hang rather than fail: give up on it well before the test's deadline.
            Client client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(20, TimeUnit.SECONDS).build();
            CountDownLatch aThirdAnswered = new CountDownLatch(pitches / 3);
            Thread midwayThread = null;
            long start = System.nanoTime();
            try {
                if (midway != null) {
                    midwayThread = new Thread(() -> {
                        try {
                            if (aThirdAnswered.await(SETTLE.toSeconds(), TimeUnit.SECONDS)) {
                                midway.run();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "midway");
                    midwayThread.start();
                }
                List<Future<List<Posted>>> results = new ArrayList<>();
                for (int n = 0; n < pitches; n++) {
                    int pitch = n;
                    results.add(pool.submit(() -> {
                        List<Posted> answers = new ArrayList<>();
                        int first = pitch % instances.size();
                        if (pitch % 10 == 0) {
                            Future<List<Posted>> twin = twins.submit(() -> post(client, pitch, first + 1));
                            answers.addAll(post(client, pitch, first));
                            answers.addAll(twin.get());
                        } else {
                            answers.addAll(post(client, pitch, first));
                        }
                        aThirdAnswered.countDown();
                        return answers;
                    }));
                }
                for (Future<List<Posted>> result : results) {
                    posted.addAll(result.get(SETTLE.toSeconds(), TimeUnit.SECONDS));
                }
                if (midwayThread != null) {
                    midwayThread.join(SETTLE.toMillis());
                }
            } finally {
                elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                pool.shutdownNow();
                twins.shutdownNow();
                client.close();
            }
            return posted;
        }

        int distinctPitches() {
            return pitches;
        }

        int retried() {
            return retried.get();
        }

        int givenUp() {
            return givenUp.get();
        }

        long elapsedMillis() {
            return elapsedMillis;
        }

        private List<Posted> post(Client client, int pitch, int preferred) {
            List<Posted> answers = new ArrayList<>();
            int instance = instances.liveAfter(preferred);
            Posted answer = postTo(client, pitch, instance);
            answers.add(answer);
            if (!answer.acknowledged()) {
                retried.incrementAndGet();
                Posted retry = postTo(client, pitch, instances.liveAfter(instance + 1));
                answers.add(retry);
                if (!retry.acknowledged()) {
                    givenUp.incrementAndGet();
                }
            }
            return answers;
        }

        private Posted postTo(Client client, int pitch, int instance) {
            long start = System.nanoTime();
            Posted answer = send(client, pitch, instance);
            return new Posted(answer.n(), answer.instance(), answer.status(), answer.id(), answer.duplicate(), answer.queue(),
                    answer.error(), (System.nanoTime() - start) / 1_000_000);
        }

        private Posted send(Client client, int pitch, int instance) {
            try (Response response = client.target("http://127.0.0.1:" + instances.port(instance) + "/api/pitches")
                    .request().post(Entity.json(form(pitch)))) {
                String body = response.readEntity(String.class);
                if (response.getStatus() >= 300) {
                    return new Posted(pitch, instance, response.getStatus(), -1, false, null, body, 0);
                }
                JsonNode decision = JSON.readTree(body);
                return new Posted(pitch, instance, response.getStatus(), decision.path("id").asLong(),
                        decision.path("duplicate").asBoolean(), decision.path("queue").asText(null), null, 0);
            } catch (ProcessingException | IllegalStateException | IOException e) {
                return new Posted(pitch, instance, 0, -1, false, null, e.toString(), 0);
            }
        }

        private static Map<String, Object> form(int n) {
            String[] messages = {
                "Hello, we are a team of %d looking for a private office from February. What are your rates?",
                "Bonjour, nous torréfions un café de spécialité à Lyon et livrons %d bureaux par semaine.",
                "Dear Sir or Madam, we offer SEO services to grow your traffic by %d%%. Book a call this week.",
                "Hi, we built accounting software for freelancers, used by %d teams: invoicing and VAT reports.",
            };
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("name", "Sender " + n);
            form.put("email", "sender" + n + "@company" + n % 17 + ".example");
            form.put("subject", "Pitch " + n);
            form.put("message", String.format(messages[n % messages.length], n + 2));
            return form;
        }
    }

    /** Application instances sharing one database, each on its own random ports. */
    static final class Instances implements AutoCloseable {
        private final List<DropwizardTestSupport<PitchgateConfiguration>> apps;
        private final Set<Integer> stopped = ConcurrentHashMap.newKeySet();

        private Instances(List<DropwizardTestSupport<PitchgateConfiguration>> apps) {
            this.apps = apps;
        }

        /**
         * @param shutdownGrace how long a stopping instance lets requests in flight finish; zero
         *        drops them, as a crash would
         */
        static Instances start(int count, TestDatabase database, Duration recoveryInterval, Duration lease,
                Duration shutdownGrace) throws Exception {
            List<ConfigOverride> overrides = new ArrayList<>(Arrays.asList(database.overrides()));
            overrides.add(ConfigOverride.config("server.shutdownGracePeriod", shutdownGrace.toMillis() + "ms"));
            overrides.add(ConfigOverride.config("intake.recoveryInterval", recoveryInterval.toMillis() + "ms"));
            overrides.add(ConfigOverride.config("intake.processingLease", lease.toMillis() + "ms"));
            List<DropwizardTestSupport<PitchgateConfiguration>> apps = new ArrayList<>();
            Instances instances = new Instances(apps);
            try {
                for (int i = 0; i < count; i++) {
                    DropwizardTestSupport<PitchgateConfiguration> app = new DropwizardTestSupport<>(PitchgateApplication.class,
                            TestApp.configPath(), overrides.toArray(ConfigOverride[]::new));
                    app.before();
                    apps.add(app);
                }
            } catch (Exception e) {
                instances.close();
                throw e;
            }
            return instances;
        }

        int size() {
            return apps.size();
        }

        int port(int instance) {
            return apps.get(instance).getLocalPort();
        }

        /** The first instance still running from {@code preferred} on, round the ring. */
        int liveAfter(int preferred) {
            for (int i = 0; i < apps.size(); i++) {
                int instance = (preferred + i) % apps.size();
                if (!stopped.contains(instance)) {
                    return instance;
                }
            }
            throw new IllegalStateException("no instance is running");
        }

        /** Stops an instance as an operator would, whatever it is doing. */
        void stop(int instance) {
            // Marked first, so that clients send what is left elsewhere while it stops.
            stopped.add(instance);
            apps.get(instance).after();
        }

        /** How many pitches each running instance's recovery sweeper decided. */
        List<Long> recoveredCounts() {
            Client client = ClientBuilder.newClient();
            try {
                List<Long> counts = new ArrayList<>();
                for (int i = 0; i < apps.size(); i++) {
                    if (stopped.contains(i)) {
                        continue;
                    }
                    JsonNode metrics = Json.body(client.target("http://127.0.0.1:" + apps.get(i).getAdminPort() + "/metrics")
                            .request().get());
                    counts.add(metrics.path("counters").path(RECOVERED).path("count").asLong());
                }
                return counts;
            } finally {
                client.close();
            }
        }

        @Override
        public void close() {
            for (int i = 0; i < apps.size(); i++) {
                if (stopped.add(i)) {
                    apps.get(i).after();
                }
            }
        }
    }
}
