package com.pitchgate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.pitchgate.PitchgateApplication;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.mail.IntakeRun.Outcome;
import com.pitchgate.mail.IntakeRun.Server;
import com.pitchgate.mail.SpamAssassinCorpus.CorpusMessage;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real odd mail, the sample of the public SpamAssassin corpus listed in corpus/odd-sample.txt (every
 * message whose headers or MIME parts are odd, and some ordinary ones), through each intake of one
 * server, each intake for a space of its own: none refused, none lost, each stored and decided, and
 * each decision naming what was odd. The whole corpus goes through the same code in
 * bench/corpus_run.sh. Skipped without the corpus (scripts/fetch-spamassassin.sh), failed without it
 * on CI, where .ci/run fetches it.
 */
class CorpusIntakeTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
            .withPerMethodLifecycle(false);

    /** A space per intake, so that one server and one store serve all three: Message-IDs are told apart per space. */
    private static final String API_SPACE = "la-fabrique";
    private static final String SMTP_SPACE = "corpus-smtp";
    private static final String IMAP_SPACE = "corpus-imap";

    private static List<CorpusMessage> sample;
    /** Each sampled message's name, and the extraction signal its decision must carry ("" for none). */
    private static Map<String, String> expected;
    private static DropwizardTestSupport<PitchgateConfiguration> app;
    private static String database;
    private static ImapAccount mailbox;
    private static long started;

    @BeforeAll
    static void start() throws Exception {
        Path corpus = SpamAssassinCorpus.require();
        expected = new LinkedHashMap<>();
        try (InputStream in = CorpusIntakeTest.class.getResourceAsStream("/corpus/odd-sample.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.strip().split("\t");
                    expected.put(fields[0], fields[1].equals("-") ? "" : "extract/" + fields[1]);
                }
            }
        }
        sample = SpamAssassinCorpus.named(corpus, List.copyOf(expected.keySet()));

        // The mailbox is full before the server starts, as when Pitchgate is first pointed at one.
        GREENMAIL.setUser(Mailbox.ADDRESS, Mailbox.ADDRESS, Mailbox.PASSWORD);
        mailbox = new ImapAccount("127.0.0.1", GREENMAIL.getImap().getPort(), Mailbox.ADDRESS, Mailbox.PASSWORD);
        IntakeRun.append(mailbox, "INBOX", sample);
        started = System.nanoTime();
        database = TestApp.newDatabaseUrl();
        app = ConfigFiles.start(ConfigFiles.testConfig(config -> {
            ArrayNode spaces = (ArrayNode) config.get("spaces");
            for (String id : List.of(SMTP_SPACE, IMAP_SPACE)) {
                ObjectNode copy = ((ObjectNode) spaces.get(0)).deepCopy().put("id", id);
                copy.putArray("addresses").add(id + "@lafabrique.example");
                spaces.add(copy);
            }
            config.putObject("outbound").put("enabled", false);
            config.putObject("smtp").put("enabled", true).put("port", 0);
            config.putArray("imap").addObject().put("id", "corpus").put("space", IMAP_SPACE).put("host", "127.0.0.1")
                    .put("port", mailbox.port()).put("security", "none").put("user", mailbox.user())
                    .put("password", mailbox.password()).put("pollInterval", "200ms");
        }), database);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.after();
        }
    }

    @Test
    void overTheApi() throws Exception {
        assertAllStoredAndDecided(IntakeRun.api(server(API_SPACE), sample));
    }

    @Test
    void overSmtp() throws Exception {
        assertAllStoredAndDecided(IntakeRun.smtp(server(SMTP_SPACE), sample, SMTP_SPACE + "@lafabrique.example"));
    }

    @Test
    void fromAnImapMailbox() throws Exception {
        Outcome outcome = IntakeRun.imap("IMAP", server(IMAP_SPACE), mailbox, sample, Duration.ofSeconds(30), started);
        assertAllStoredAndDecided(outcome);
        assertThat(mailbox.count("INBOX")).as("nothing left unfiled").isZero();
        assertThat(mailbox.count("Pitchgate/Forward") + mailbox.count("Pitchgate/Intro") + mailbox.count("Pitchgate/Declined"))
                .as("every message filed").isEqualTo(sample.size());
    }

    private static void assertAllStoredAndDecided(Outcome outcome) {
        assertThat(outcome.refused()).as(IntakeRun.table(List.of(outcome))).isEmpty();
        assertThat(outcome.lost()).as(IntakeRun.table(List.of(outcome))).isZero();
        assertThat(outcome.stored()).isEqualTo(sample.size());
        assertThat(outcome.decidedCount()).as("decided").isEqualTo(outcome.stored());
        Map<String, String> names = IntakeRun.byMessageId(sample);
        Map<String, String> ids = new LinkedHashMap<>();
        names.forEach((id, name) -> ids.put(name, id));
        expected.forEach((name, signal) -> {
            if (!signal.isEmpty()) {
                assertThat(outcome.oddSignals().get(ids.get(name))).as(outcome.channel() + ": " + name).contains(signal);
            }
        });
    }

    private static Server server(String space) {
        return new Server("http://localhost:" + app.getLocalPort(), ((PitchgateApplication) app.getApplication()).smtpPort(),
                database, space);
    }
}
