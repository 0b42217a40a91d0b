package com.pitchgate.mail;

import static com.pitchgate.mail.Mailbox.await;
import static com.pitchgate.mail.Mailbox.quietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.store.Database;
import com.pitchgate.store.PitchStore;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.Json;
import com.pitchgate.support.StoredUnscreened;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sqlite.SQLiteDataSource;

/** A stop or a crash in the middle of screening a mailbox loses nothing and duplicates nothing. */
class MailRestartTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final List<String> FOLDERS = List.of("Pitchgate/Forward", "Pitchgate/Intro", "Pitchgate/Declined");

    private Mailbox mailbox;
    private Client client;
    private final List<DropwizardTestSupport<PitchgateConfiguration>> apps = new ArrayList<>();

    @BeforeEach
    void setUp() {
        mailbox = new Mailbox(GREENMAIL);
        client = ClientBuilder.newClient();
    }

    @AfterEach
    void tearDown() {
        client.close();
        // Last started, first stopped: each app puts back the dw.* system properties it found at its
        // start, and the first app's were the second's; stopped in start order, the second left the
        // first's database URL behind for the tests that run next (CommandsTest's train read it).
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).after();
        }
    }

    @Test
    void aMessageStoredJustBeforeACrashIsFiledWithItsFirstDecision() throws Exception {
        String raw = Mailbox.message("team@recruitly.example", "<crash-1@recruitly.example>", "User research platform",
                "Hello, we built a platform that helps UX designers recruit participants for user research "
                        + "interviews. Our platform is used by 300 design teams. Happy to present it to your members.");
        mailbox.deliver(raw);
        String url = TestApp.newDatabaseUrl();
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url);
        Database.migrate(dataSource, url);
        PitchStore store = new PitchStore(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()));
        // The server stored it, then died before deciding and filing it.
        StoredUnscreened.message(store, "la-fabrique", raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));

        DropwizardTestSupport<PitchgateConfiguration> app = start(url);
        await("filed", PATIENCE, quietly(() -> mailbox.subjects("INBOX").isEmpty()));
        await("the reply", PATIENCE, () -> mailbox.receivedBy("team@recruitly.example").size() == 1);
        Thread.sleep(500);

        assertThat(mailbox.subjects("Pitchgate/Intro")).containsExactly("User research platform");
        assertThat(total(app)).isEqualTo(1);
        assertThat(mailbox.receivedBy("team@recruitly.example")).hasSize(1);
    }

    @Test
    void aRestartInTheMiddleOfABatchLosesAndDuplicatesNothing() throws Exception {
        int count = 24;
        for (int i = 0; i < count; i++) {
            String body = i % 2 == 0
                    ? "Hello, we are looking for a desk for " + i + " weeks. What are your rates?"
                    : "Hello, we built a platform that helps UX designers recruit participants for user research "
                            + "interviews, number " + i + ". Happy to present it to your members.";
            mailbox.deliver(Mailbox.message("sender" + i + "@batch.example", "<batch-" + i + "@batch.example>",
                    "Batch " + i, body));
        }
        String url = TestApp.newDatabaseUrl();

        DropwizardTestSupport<PitchgateConfiguration> first = start(url);
        await("part of the batch", PATIENCE, quietly(() -> filed().size() >= 4));
        first.after();
        apps.remove(first);
        int filedAtStop = filed().size();
        assertThat(filedAtStop).as("stopped mid-batch").isLessThan(count);

        DropwizardTestSupport<PitchgateConfiguration> second = start(url);
        await("the whole batch", PATIENCE, quietly(() -> mailbox.subjects("INBOX").isEmpty() && filed().size() == count));
        await("every reply", PATIENCE, () -> replies() == count / 2);
        Thread.sleep(500);

        List<String> filed = filed();
        assertThat(new HashSet<>(filed)).as("each message filed once").hasSize(count);
        assertThat(filed).hasSize(count);
        assertThat(total(second)).as("each message stored and decided once").isEqualTo(count);
        assertThat(replies()).as("no reply sent twice").isEqualTo(count / 2);
    }

    @Test
    void twoServersOnOneStoreScreenAMailboxOnceBetweenThem() throws Exception {
        int count = 10;
        for (int i = 0; i < count; i++) {
            mailbox.deliver(Mailbox.message("pair" + i + "@pair.example", "<pair-" + i + "@pair.example>", "Pair " + i,
                    "Hello, we are looking for a desk for " + i + " weeks. What are your rates?"));
        }
        String url = TestApp.newDatabaseUrl();
        DropwizardTestSupport<PitchgateConfiguration> first = start(url);
        DropwizardTestSupport<PitchgateConfiguration> second = start(url);

        await("the whole mailbox", PATIENCE, quietly(() -> mailbox.subjects("INBOX").isEmpty() && filed().size() == count));
        Thread.sleep(500);
        assertThat(new HashSet<>(filed())).hasSize(count);
        assertThat(filed()).hasSize(count);
        assertThat(total(first)).isEqualTo(count);
        assertThat(total(second)).isEqualTo(count);
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url);
        assertThat(new com.pitchgate.store.Leases(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()),
                Clock.systemUTC()).holder("imap:lafabrique")).as("one server holds the mailbox").isPresent();
    }

    private int replies() {
        int replies = 0;
        for (int i = 1; i < 24; i += 2) {
            replies += mailbox.receivedBy("sender" + i + "@batch.example").size();
        }
        return replies;
    }

    private List<String> filed() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (String folder : FOLDERS) {
            subjects.addAll(mailbox.subjects(folder));
        }
        return subjects;
    }

    private long total(DropwizardTestSupport<PitchgateConfiguration> app) {
        long total = 0;
        for (String queue : List.of("forward", "requires_intro", "auto_decline")) {
            total += Json.body(client.target("http://localhost:" + app.getLocalPort() + "/api/queues/" + queue).request().get())
                    .path("total").asLong();
        }
        return total;
    }

    private DropwizardTestSupport<PitchgateConfiguration> start(String url) throws Exception {
        Path config = ConfigFiles.testConfig(c -> {
            MailTestConfig.withMail(c, GREENMAIL);
            ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("imap").get(0)).put("batchSize", 2).put("idle", false)
                    .put("pollInterval", "100ms");
        });
        DropwizardTestSupport<PitchgateConfiguration> app = ConfigFiles.start(config, url);
        apps.add(app);
        return app;
    }
}
