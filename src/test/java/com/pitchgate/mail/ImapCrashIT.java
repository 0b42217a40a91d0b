package com.pitchgate.mail;

import static com.pitchgate.mail.Mailbox.await;
import static com.pitchgate.mail.Mailbox.quietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.pitchgate.support.ConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IMAP channel survives a SIGKILL mid-batch: the packaged server, in a process of its own,
 * screens a GreenMail mailbox five messages a round and is killed ({@code destroyForcibly}, SIGKILL)
 * in the middle of a round, when part of its five messages are stored; a second server on the same store finishes the mailbox. Every
 * message is then filed exactly once, stored once and decided once. The killed server's mailbox
 * lease (2 minutes at least) is expired by the test instead of waited for, and intake.processingLease
 * is 10 s, so that the run stays short.
 */
class ImapCrashIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final int COUNT = 60;
    private static final Duration PATIENCE = Duration.ofSeconds(150);
    private static final List<String> FOLDERS = List.of("Pitchgate/Forward", "Pitchgate/Intro", "Pitchgate/Declined");

    @TempDir
    Path folder;

    @Test
    void aSigkillMidBatchLosesNothingAndFilesAndScreensEachMessageOnce() throws Exception {
        Mailbox mailbox = new Mailbox(GREENMAIL);
        for (int i = 0; i < COUNT; i++) {
            String body = i % 2 == 0
                    ? "Hello, we are looking for a desk for " + i + " weeks. What are your rates?"
                    : "Hello, we built a platform that helps UX designers recruit participants for user research "
                            + "interviews, number " + i + ". Happy to present it to your members.";
            mailbox.deliver(Mailbox.message("sender" + i + "@kill.example", "<kill-" + i + "@kill.example>", "Kill " + i, body));
        }
        String url = "jdbc:sqlite:" + folder.resolve("pitchgate.db");
        Path config = ConfigFiles.testConfig(c -> {
            c.with("database").put("url", url);
            ObjectNode account = c.putArray("imap").addObject();
            account.put("id", "lafabrique").put("host", "127.0.0.1").put("port", GREENMAIL.getImap().getPort())
                    .put("security", "none").put("user", Mailbox.ADDRESS).put("password", Mailbox.PASSWORD)
                    .put("pollInterval", "100ms").put("idle", false).put("batchSize", 5);
        });

        Process first = start(config, "first");
        // Mid-batch: some, not all, of a round's five messages are stored.
        long until = System.nanoTime() + PATIENCE.toNanos();
        int storedBeforeKill;
        while ((storedBeforeKill = count(url, "SELECT count(*) FROM pitches")) < 10 || storedBeforeKill % 5 == 0) {
            assertThat(System.nanoTime()).as("waiting for a batch in progress").isLessThan(until);
            Thread.sleep(5);
        }
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int filedAtKill = filed(mailbox).size();
        int storedAtKill = count(url, "SELECT count(*) FROM pitches");
        int decidedAtKill = count(url, "SELECT count(*) FROM decisions");
        assertThat(filedAtKill).as("killed mid-mailbox").isLessThan(COUNT);
        // What the dead server held runs out in time; here, at once.
        update(url, "UPDATE leases SET expires_at = 0");

        Process second = start(config, "second");
        try {
            await("the whole mailbox filed", PATIENCE,
                    quietly(() -> mailbox.subjects("INBOX").isEmpty() && filed(mailbox).size() >= COUNT));
            await("every pitch decided", PATIENCE, () -> count(url, "SELECT count(*) FROM pitches WHERE state <> 'decided'") == 0);
            Thread.sleep(1_000);
            List<String> filed = filed(mailbox);
            int stored = count(url, "SELECT count(*) FROM pitches");
            int decisions = count(url, "SELECT count(*) FROM decisions");
            int screenedTwice = count(url, "SELECT count(*) FROM pitches WHERE attempts > 2");
            System.out.printf("IMAP crash: %d delivered; SIGKILL when %d were stored (mid-round); then %d filed, %d stored,"
                    + " %d decided; after the restart"
                    + " %d filed (%d distinct), %d stored, %d decisions, %d still in INBOX%n", COUNT, storedBeforeKill, filedAtKill,
                    storedAtKill, decidedAtKill, filed.size(), new HashSet<>(filed).size(), stored, decisions,
                    mailbox.subjects("INBOX").size());
            assertThat(filed).as("each message filed once").hasSize(COUNT).doesNotHaveDuplicates();
            assertThat(stored).as("each message stored once").isEqualTo(COUNT);
            assertThat(decisions).as("each pitch decided once").isEqualTo(COUNT);
            assertThat(screenedTwice).as("pitches claimed more than twice").isZero();
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(Path config, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Ddw.intake.processingLease=10s", "-Ddw.intake.recoveryInterval=1s",
                "-jar", System.getProperty("pitchgate.jar"), "server", config.toString()));
        Path log = folder.resolve(name + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<String> filed(Mailbox mailbox) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (String f : FOLDERS) {
            subjects.addAll(mailbox.subjects(f));
        }
        return subjects;
    }

    private static int count(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (java.sql.SQLException e) {
            return -1; // not created yet
        }
    }

    private static void update(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            statement.executeUpdate(sql);
        }
        assertThat(Files.exists(Path.of(url.substring("jdbc:sqlite:".length())))).isTrue();
    }
}
