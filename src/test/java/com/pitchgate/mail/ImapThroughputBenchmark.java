package com.pitchgate.mail;

import static com.pitchgate.mail.Mailbox.await;
import static com.pitchgate.mail.Mailbox.quietly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many messages per second the IMAP channel screens and files, from a full mailbox.
 * Not part of the test suite (its name does not end in Test); run it with
 * {@code mvn -B test -Dtest=ImapThroughputBenchmark -Dpitchgate.bench.messages=500}.
 */
class ImapThroughputBenchmark {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Test
    void screenAFullMailbox() throws Exception {
        int count = Integer.getInteger("pitchgate.bench.messages", 300);
        Mailbox mailbox = new Mailbox(GREENMAIL);
        List<String> bodies = List.of(
                "Hello, we are looking for a private office for %d people. What are your rates?",
                "Bonjour, nous éditons un logiciel de comptabilité n°%d pour les indépendants, avec la facturation.",
                "Hello, we built a platform %d that helps UX designers recruit participants for user research interviews.",
                "Dear Sir or Madam, I came across your website. We offer fleet software %d for trucking companies.");
        for (int i = 0; i < count; i++) {
            mailbox.deliver(Mailbox.message("s" + i + "@bench" + (i % 40) + ".example", "<bench-" + i + "@bench.example>",
                    "Bench " + i, String.format(bodies.get(i % bodies.size()), i)));
        }
        DropwizardTestSupport<PitchgateConfiguration> app = ConfigFiles.start(ConfigFiles.testConfig(config -> {
            MailTestConfig.withMail(config, GREENMAIL);
            ((ObjectNode) config.get("imap").get(0)).put("batchSize", 500).put("idle", false).put("pollInterval", "50ms");
            ((ObjectNode) config.get("outbound")).put("enabled", false);
        }), TestApp.newDatabaseUrl());
        long start = System.nanoTime();
        try {
            await("the mailbox to be screened", Duration.ofMinutes(10), quietly(() -> mailbox.subjects("INBOX").isEmpty()));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("IMAP: %d messages screened and filed in %.1f s: %.1f messages/s%n", count, seconds, count / seconds);
        } finally {
            app.after();
        }
    }
}
