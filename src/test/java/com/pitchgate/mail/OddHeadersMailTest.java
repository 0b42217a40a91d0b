package com.pitchgate.mail;

import static com.pitchgate.mail.Mailbox.await;
import static com.pitchgate.mail.Mailbox.quietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.pitchgate.PitchgateApplication;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.Json;
import com.pitchgate.support.OddHeaderCases;
import com.pitchgate.support.OddHeaderCases.OddCase;
import com.pitchgate.support.RawMail;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Odd headers over the mail channels, against a real mail server (GreenMail): a mailbox holding
 * messages with no sender, several, no Date, no Message-ID, undecodable words or an odd address is
 * screened and filed whole, nothing left behind but what is not a message at all; over SMTP, bounces
 * (MAIL FROM:&lt;&gt;) and mail without a From are taken, with the envelope's Return-Path; and nobody
 * whose address is in doubt, or who sent a bounce, is ever answered.
 */
class OddHeadersMailTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TEXT = "Content-Type: text/plain; charset=UTF-8\n\n"
            + "Hello, we built a platform that helps designers recruit participants for user research interviews.\n";
    private static final String DATED = "Date: Thu, 22 Aug 2002 12:00:00 +0000\n";
    private static final String INTRO = "X-Test-Route: requires_intro\n";

    private Mailbox mailbox;
    private DropwizardTestSupport<PitchgateConfiguration> app;
    private Client client;

    @BeforeEach
    void setUp() {
        mailbox = new Mailbox(GREENMAIL);
        client = ClientBuilder.newClient();
    }

    @AfterEach
    void tearDown() {
        client.close();
        if (app != null) {
            app.after();
        }
    }

    @Test
    void aMailboxOfOddMessagesIsScreenedAndFiledWhole() throws Exception {
        List<String> odd = List.of(
                "Subject: odd no From\nMessage-ID: <i1@odd.example>\n" + DATED + INTRO + TEXT,
                "From: \"\" <>\nReturn-Path: <>\nSubject: odd bounce\nMessage-ID: <i2@odd.example>\n" + DATED + INTRO + TEXT,
                "From: a@one.example, b@two.example\nSubject: odd several\nMessage-ID: <i3@odd.example>\n" + DATED + INTRO + TEXT,
                "From: user at host\nSubject: odd at\nMessage-ID: <i4@odd.example>\n" + DATED + INTRO + TEXT,
                "From: undisclosed-recipients:;\nSubject: odd group\nMessage-ID: <i5@odd.example>\n" + DATED + INTRO + TEXT,
                "From: nodate@odd.example\nSubject: odd no Date\nMessage-ID: <i6@odd.example>\n" + INTRO + TEXT,
                "From: noid@odd.example\nSubject: odd no Message-ID\n" + DATED + INTRO + TEXT,
                "From: =?x-klingon?Q?Anna?= <enc@odd.example>\nSubject: odd =?utf-8?B?!!!notbase64?=\n"
                        + "Message-ID: <i8@odd.example>\n" + DATED + INTRO + TEXT,
                "From mbox@odd.example Thu Aug 22 12:00:00 2002\nFrom: mbox@odd.example\nSubject: odd mbox\n"
                        + "Message-ID: <i9@odd.example>\n" + DATED + INTRO + TEXT);
        for (String raw : odd) {
            append(raw);
        }
        append("This is no message at all, just a line of text.\n");
        app = start();

        // Counted, not listed by subject: GreenMail cannot build the IMAP ENVELOPE of a From without an address.
        await("every message filed but the one that is no message", PATIENCE,
                quietly(() -> count("Pitchgate/Intro") == odd.size() && count("INBOX") == 1));
        try (Store store = store()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] left = inbox.getMessages();
            assertThat(left).hasSize(1);
            assertThat(left[0].getFlags().contains("Pitchgate_unreadable")).as("flagged and left in place").isTrue();
            inbox.close(false);
        }

        List<String> signals = new ArrayList<>();
        for (String id : queueIds("requires_intro")) {
            JsonNode pitch = Json.body(client.target(api("/api/pitches/" + id)).request().get());
            assertThat(pitch.path("state").asText()).isEqualTo("decided");
            signals.addAll(Json.signals(pitch));
        }
        assertThat(signals).contains("extract/missing_sender", "extract/several_senders", "extract/missing_date",
                "extract/missing_message_id", "extract/undecodable_header");
        assertThat(signals.stream().filter(s -> s.equals("extract/missing_sender")).count()).isEqualTo(4);

        // The mailbox's owner wants intro replies; only those whose sender is known get one.
        List<String> answerable = List.of("nodate@odd.example", "noid@odd.example", "enc@odd.example", "mbox@odd.example");
        await("the replies", PATIENCE, quietly(() -> repliedTo().size() == answerable.size()));
        Thread.sleep(1_000);
        assertThat(repliedTo()).as("no reply to a sender in doubt, nor to nobody").containsExactlyInAnyOrderElementsOf(answerable);
    }

    @Test
    void smtpTakesBouncesAndMailWithoutFromAndAnswersNone() throws Exception {
        app = start();
        int port = ((PitchgateApplication) app.getApplication()).smtpPort();
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(properties);
        InternetAddress[] to = InternetAddress.parse(Mailbox.ADDRESS);

        Transport.send(new RawMail(session, bytes("From: \"\" <>\nSubject: Undelivered Mail Returned to Sender\n"
                + "Message-ID: <bounce-1@mx.odd.example>\n" + DATED + INTRO + TEXT), "<>"), to);
        Transport.send(new RawMail(session, bytes("From: Mail Delivery System <delivery@mx.odd.example>\n"
                + "Subject: Delivery Status Notification\nMessage-ID: <bounce-2@mx.odd.example>\n" + DATED + INTRO + TEXT), "<>"), to);
        Transport.send(new RawMail(session, bytes("Subject: no From over SMTP\nMessage-ID: <nofrom-1@odd.example>\n"
                + DATED + INTRO + TEXT), "envelope@odd.example"), to);

        await("all three decided", PATIENCE, () -> queueIds("requires_intro").size() == 3);
        JsonNode nobody = pitchWithMessageId("<bounce-1@mx.odd.example>");
        assertThat(nobody.path("sender").path("email").asText()).isEmpty();
        assertThat(Json.signals(nobody)).contains("extract/missing_sender", "outbound/reply_withheld");
        assertThat(nobody.path("headers").path("return-path").get(0).asText()).as("the envelope's empty sender").isEqualTo("<>");
        assertThat(nobody.path("headers").path("received").toString()).as("the intake's trace line").contains("with SMTP (Pitchgate)");

        JsonNode bounce = pitchWithMessageId("<bounce-2@mx.odd.example>");
        assertThat(bounce.path("sender").path("email").asText()).isEqualTo("delivery@mx.odd.example");
        assertThat(bounce.path("reasons").findValuesAsText("detail")).contains("no reply: a bounce (empty Return-Path)");

        JsonNode envelope = pitchWithMessageId("<nofrom-1@odd.example>");
        assertThat(envelope.path("sender").path("email").asText()).as("read from the Return-Path the intake wrote")
                .isEqualTo("envelope@odd.example");
        assertThat(Json.signals(envelope)).contains("extract/sender_not_in_from", "outbound/reply_withheld");
        Thread.sleep(1_000);
        assertThat(repliedTo()).as("nobody answered").isEmpty();
    }

    @Test
    void eachOddHeaderClassFromAMailboxIsFiledAndNamed() throws Exception {
        for (OddCase odd : OddHeaderCases.cases()) {
            append(odd.raw());
        }
        app = start();
        await("every message filed", PATIENCE, quietly(() -> count("INBOX") == 0));
        assertEachClassDecidedAndNamed();
    }

    @Test
    void eachOddHeaderClassOverSmtpIsTakenAndNamed() throws Exception {
        app = start();
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(((PitchgateApplication) app.getApplication()).smtpPort()));
        Session session = Session.getInstance(properties);
        for (OddCase odd : OddHeaderCases.cases()) {
            // From a bounce's empty envelope sender, so that the intake's Return-Path names nobody either.
            Transport.send(new RawMail(session, bytes(odd.raw()), "<>"), InternetAddress.parse(Mailbox.ADDRESS));
        }
        assertEachClassDecidedAndNamed();
    }

    /** Each class of OddHeaderCases stored, decided, its sender read as expected and its oddity named. */
    private void assertEachClassDecidedAndNamed() {
        Map<String, JsonNode> bySubject = new HashMap<>();
        for (String queue : List.of("forward", "requires_intro", "auto_decline")) {
            for (String id : queueIds(queue)) {
                JsonNode pitch = Json.body(client.target(api("/api/pitches/" + id)).request().get());
                bySubject.put(pitch.path("subject").asText(), pitch);
            }
        }
        assertThat(bySubject).hasSize(OddHeaderCases.cases().size());
        for (OddCase odd : OddHeaderCases.cases()) {
            JsonNode pitch = bySubject.get(odd.subject());
            assertThat(pitch).as(odd.name() + " in " + bySubject.keySet()).isNotNull();
            assertThat(pitch.path("state").asText()).as(odd.name()).isEqualTo("decided");
            assertThat(Json.signals(pitch)).as(odd.name()).contains("extract/" + odd.signal());
            assertThat(pitch.path("sender").path("email").asText()).as(odd.name()).isEqualTo(odd.sender());
        }
    }

    private JsonNode pitchWithMessageId(String messageId) {
        for (String id : queueIds("requires_intro")) {
            JsonNode pitch = Json.body(client.target(api("/api/pitches/" + id)).request().get());
            if (pitch.path("headers").path("message-id").toString().contains(messageId)) {
                return pitch;
            }
        }
        throw new AssertionError("no pitch with Message-ID " + messageId);
    }

    /** Whom Pitchgate's automatic replies went to, as GreenMail's SMTP server received them. */
    private static List<String> repliedTo() throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : GREENMAIL.getReceivedMessages()) {
            if ("auto-replied".equals(message.getHeader("Auto-Submitted", null))) {
                for (jakarta.mail.Address address : message.getRecipients(Message.RecipientType.TO)) {
                    to.add(((InternetAddress) address).getAddress());
                }
            }
        }
        return to;
    }

    private List<String> queueIds(String queue) {
        return Json.body(client.target(api("/api/queues/" + queue)).request().get()).path("items").findValuesAsText("id");
    }

    private String api(String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    /** Puts the message in the INBOX exactly as written (IMAP APPEND), without an SMTP server's additions. */
    private void append(String raw) throws Exception {
        try (Store store = store()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.appendMessages(new Message[] {new RawMail(Session.getInstance(new Properties()), bytes(raw), null)});
        }
    }

    private int count(String folderName) throws Exception {
        try (Store store = store()) {
            Folder folder = ImapAccount.folder(store, folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    private Store store() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", GREENMAIL.getImap().getPort(), Mailbox.ADDRESS, Mailbox.PASSWORD);
        return store;
    }

    private static byte[] bytes(String raw) {
        return raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private DropwizardTestSupport<PitchgateConfiguration> start() throws Exception {
        return ConfigFiles.start(ConfigFiles.testConfig(config -> {
            MailTestConfig.withMail(config, GREENMAIL);
            ArrayNode rules = config.has("rules") ? (ArrayNode) config.get("rules") : config.putArray("rules");
            ObjectNode rule = rules.addObject().put("name", "test_intro").put("route", "requires_intro");
            rule.putArray("when").addObject().put("field", "header:X-Test-Route").put("op", "equals").put("value", "requires_intro");
        }), TestApp.newDatabaseUrl());
    }
}
