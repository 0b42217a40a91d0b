package com.pitchgate.mail;

import static com.pitchgate.mail.Mailbox.await;
import static com.pitchgate.mail.Mailbox.quietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mailbox holding more new mail than one batch, as when Pitchgate is first pointed at a full inbox,
 * is screened batch after batch at once: IDLE only wakes for mail yet to come, so waiting for it
 * between batches left the rest for a poll interval each (50 messages a minute by default).
 */
class ImapBacklogTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Test
    void aMailboxOfSeveralBatchesIsScreenedWithoutWaitingForThePollInterval() throws Exception {
        Mailbox mailbox = new Mailbox(GREENMAIL);
        for (int i = 0; i < 12; i++) {
            mailbox.deliver(Mailbox.message("s" + i + "@backlog.example", "<backlog-" + i + "@backlog.example>", "Backlog " + i,
                    "Hello, we are looking for a private office for " + (i + 2) + " people. What are your rates?"));
        }
        DropwizardTestSupport<PitchgateConfiguration> app = ConfigFiles.start(ConfigFiles.testConfig(config -> {
            MailTestConfig.withMail(config, GREENMAIL);
            ((ObjectNode) config.get("imap").get(0)).put("batchSize", 5).put("pollInterval", "10m").put("idle", true);
            ((ObjectNode) config.get("outbound")).put("enabled", false);
        }), TestApp.newDatabaseUrl());
        try {
            await("the three batches filed, well within one poll interval", Duration.ofSeconds(30),
                    quietly(() -> mailbox.subjects("INBOX").isEmpty()));
            assertThat(mailbox.subjects("Pitchgate/Forward").size() + mailbox.subjects("Pitchgate/Intro").size()
                    + mailbox.subjects("Pitchgate/Declined").size()).isEqualTo(12);
        } finally {
            app.after();
        }
    }
}
