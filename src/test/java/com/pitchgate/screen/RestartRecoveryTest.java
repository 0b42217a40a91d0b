package com.pitchgate.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pitchgate.PitchgateApplication;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.store.Database;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.StoredPitch;
import com.pitchgate.support.HeldRequest;
import com.pitchgate.support.Json;
import com.pitchgate.support.Mails;
import com.pitchgate.support.StoredUnscreened;
import com.pitchgate.support.TestApp;
import com.pitchgate.support.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A pitch committed before a stop (or a crash) but not decided is screened when the server starts
 * again: the raw pitch is stored through the real intake, with no server running, as if the server
 * had died right after acknowledging it. On SQLite and on PostgreSQL.
 */
class RestartRecoveryTest {

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void undecidedPitchesAreScreenedOnStart(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            undecidedPitchesAreScreenedOnStart(database);
        }
    }

    private void undecidedPitchesAreScreenedOnStart(TestDatabase database) throws Exception {
        PitchStore store = new PitchStore(database.jdbi());

        long received = StoredUnscreened.message(store, "la-fabrique", ("From: Anna <anna@brightlabs.example>\r\n"
                + "Subject: Office\r\nMessage-ID: <restart-1@brightlabs.example>\r\n\r\n"
                + "Hello, we are looking for a private office for three people. What are your rates?\r\n")
                .getBytes(StandardCharsets.UTF_8)).id();
        long crashedMidway = StoredUnscreened.message(store, "la-fabrique", ("From: Bob <bob@example.org>\r\n"
                + "Subject: Desk\r\nMessage-ID: <restart-2@example.org>\r\n\r\n"
                + "Hi, do you have a desk available next month? How much is it?\r\n")
                .getBytes(StandardCharsets.UTF_8)).id();
        // A worker took this one and died: its lease ran out an hour ago.
        assertThat(store.claim(crashedMidway, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1))).isPresent();
        assertThat(store.countUndecided()).isEqualTo(2);

        DropwizardTestSupport<PitchgateConfiguration> app = new DropwizardTestSupport<>(PitchgateApplication.class,
                TestApp.configPath(), database.overrides());
        app.before();
        Client client = ClientBuilder.newClient();
        try {
            for (long id : new long[] {received, crashedMidway}) {
                JsonNode pitch = awaitDecided(client, app.getLocalPort(), id);
                assertThat(pitch.path("queue").asText()).as(pitch.toPrettyString()).isEqualTo("forward");
                assertThat(Json.signals(pitch)).contains("inquiry/genuine_inquiry");
            }
            assertThat(store.countUndecided()).isZero();
        } finally {
            client.close();
            app.after();
        }
    }

    /**
     * Recovery reads a pitch only once there is room for it in the intake budget: while a large
     * message holds all the room, an undecided pitch is given back unread, and that is no attempt;
     * once the room is free, it is decided.
     */
    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void recoveryWaitsForRoomInMemory(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            List<ConfigOverride> overrides = new ArrayList<>(Arrays.asList(database.overrides()));
            overrides.add(ConfigOverride.config("intake.maxBytesInFlight", "1MiB"));
            overrides.add(ConfigOverride.config("intake.inFlightWait", "100ms"));
            overrides.add(ConfigOverride.config("intake.recoveryInterval", "200ms"));
            DropwizardTestSupport<PitchgateConfiguration> app = new DropwizardTestSupport<>(PitchgateApplication.class,
                    TestApp.configPath(), overrides.toArray(ConfigOverride[]::new));
            app.before();
            Client client = ClientBuilder.newClient();
            try {
                PitchStore store = new PitchStore(database.jdbi());
                long id;
                try (HeldRequest held = HeldRequest.start(app.getLocalPort(), Mails.padded("<all-the-room@brightlabs.example>", 2_000_000))) {
                    HeldRequest.awaitHeld(app.getAdminPort(), 1024 * 1024);
                    id = StoredUnscreened.message(store, "la-fabrique", Mails.padded("<waiting@brightlabs.example>", 2_000)).id();
                    Thread.sleep(1_500);
                    StoredPitch waiting = store.find(id).orElseThrow();
                    // Claimed at each sweep (every 200 ms), given back 100 ms later when no room came.
                    assertThat(waiting.state()).as("not decided while there is no room").isIn("received", "processing");
                    assertThat(waiting.attempts()).as("given back unread: no attempt counted, after several sweeps")
                            .isLessThanOrEqualTo(1);
                }
                JsonNode pitch = awaitDecided(client, app.getLocalPort(), id);
                assertThat(pitch.path("queue").asText()).as(pitch.toPrettyString()).isEqualTo("forward");
            } finally {
                client.close();
                app.after();
            }
        }
    }

    /**
     * An instance stopped while its sweeper works through a backlog gives back the pitches it had
     * claimed but not screened: with a one-hour lease, only that lets the next start decide them.
     */
    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void aStopMidSweepLeavesNoPitchHeld(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            PitchStore store = new PitchStore(database.jdbi());
            for (int i = 0; i < 40; i++) {
                StoredUnscreened.message(store, "la-fabrique", ("From: Sender " + i + " <s" + i + "@backlog.example>\r\n"
                        + "Subject: Desk\r\nMessage-ID: <backlog-" + i + "@backlog.example>\r\n\r\n"
                        + "Hi, do you have " + (i + 1) + " desks free next month? How much are they?\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            List<ConfigOverride> overrides = new ArrayList<>(Arrays.asList(database.overrides()));
            overrides.add(ConfigOverride.config("intake.processingLease", "1h"));

            DropwizardTestSupport<PitchgateConfiguration> first = new DropwizardTestSupport<>(PitchgateApplication.class,
                    TestApp.configPath(), overrides.toArray(ConfigOverride[]::new));
            first.before();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (store.countUndecided() == 40 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.after();
            long leftAtStop = store.countUndecided();
            long held = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM pitches WHERE state = 'processing'")
                    .mapTo(Long.class).one());
            assertThat(held).as("pitches still held after the stop (%d left undecided)", leftAtStop).isZero();

            DropwizardTestSupport<PitchgateConfiguration> second = new DropwizardTestSupport<>(PitchgateApplication.class,
                    TestApp.configPath(), overrides.toArray(ConfigOverride[]::new));
            second.before();
            try {
                deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (store.countUndecided() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(store.countUndecided()).as("%d were left at the stop", leftAtStop).isZero();
            } finally {
                second.after();
            }
        }
    }

    private static JsonNode awaitDecided(Client client, int port, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode pitch = null;
        while (System.nanoTime() < deadline) {
            pitch = Json.body(client.target("http://localhost:" + port + "/api/pitches/" + id).request().get());
            if ("decided".equals(pitch.path("state").asText())) {
                return pitch;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pitch " + id + " was not decided after restart: " + pitch);
    }
}
