package com.pitchgate.mail;

import static com.pitchgate.mail.Mailbox.await;
import static com.pitchgate.mail.Mailbox.quietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.HeldRequest;
import com.pitchgate.support.Json;
import com.pitchgate.support.Mails;
import com.pitchgate.support.RawMail;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mail channels against a real mail server in the test JVM (GreenMail, SMTP and IMAP): a
 * mailbox of French and English pitches is screened and filed, forwards and replies arrive with the
 * right headers and language, the reply guards hold, and a manager's move is read as an override.
 */
class MailChannelsTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(30);

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
    void aMixedMailboxIsScreenedFiledForwardedAndAnswered() throws Exception {
        mailbox.deliver(Mailbox.message("anna@brightlabs.example", "<m1@brightlabs.example>", "Private office",
                "Hello, we are looking for a private office for three people from February. What are your rates?"));
        mailbox.deliver(Mailbox.message("julie@comptaclair.example", "<m2@comptaclair.example>", "Logiciel de comptabilité",
                "Bonjour, nous éditons un logiciel de comptabilité pour les indépendants, avec la facturation intégrée."));
        mailbox.deliver(Mailbox.message("team@recruitly.example", "<m3@recruitly.example>", "User research platform",
                "Hello, we built a platform that helps UX designers recruit participants for user research "
                        + "interviews. Our platform is used by 300 design teams. Happy to present it to your members."));
        mailbox.deliver(Mailbox.message("sales@fleetco.example", "<m4@fleetco.example>", "Fleet software",
                "Dear Sir or Madam, I came across your website. We offer fleet management software for trucking "
                        + "companies that cuts fuel costs across large vehicle fleets and long-haul routes."));
        mailbox.deliver(Mailbox.message("promo@growth.example", "<m5@growth.example>", "Offre spéciale",
                "Bonjour {{prenom}}, nous aidons les entreprises comme la vôtre à doubler leurs ventes.",
                "List-Unsubscribe: <https://growth.example/unsub>", "Precedence: bulk"));
        mailbox.deliver(Mailbox.message("claire@tresorerie.example", "<m6@tresorerie.example>", "Formation trésorerie",
                "Bonjour, je vous écris de la part de Tom Hale : nous proposons une formation à la gestion de trésorerie."));

        app = start(config -> { });

        await("the inbox to be screened", PATIENCE, quietly(() -> mailbox.subjects("INBOX").isEmpty()
                && mailbox.subjects("Pitchgate/Forward").size() == 3));
        assertThat(mailbox.subjects("Pitchgate/Forward"))
                .containsExactlyInAnyOrder("Private office", "Logiciel de comptabilité", "Formation trésorerie");
        assertThat(mailbox.subjects("Pitchgate/Intro")).containsExactly("User research platform");
        assertThat(mailbox.subjects("Pitchgate/Declined")).containsExactlyInAnyOrder("Fleet software", "Offre spéciale");

        await("forwards and replies", PATIENCE, () -> mailbox.receivedBy("sophie@lafabrique.example").size() == 2
                && mailbox.receivedBy("tom@halebooks.example").size() == 1
                && mailbox.receivedBy("team@recruitly.example").size() == 1
                && mailbox.receivedBy("sales@fleetco.example").size() == 1);

        MimeMessage forward = mailbox.receivedBy("tom@halebooks.example").get(0);
        assertThat(forward.getHeader("X-Pitchgate-Queue", null)).isEqualTo("forward");
        assertThat(forward.getHeader("X-Pitchgate-Reasons", null)).contains("fit/member_open_to");
        MimeMultipart parts = (MimeMultipart) forward.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("julie@comptaclair.example").contains("member_open_to");
        assertThat(parts.getBodyPart(1).isMimeType("message/rfc822")).isTrue();
        assertThat(((MimeMessage) parts.getBodyPart(1).getContent()).getMessageID()).isEqualTo("<m2@comptaclair.example>");

        MimeMessage intro = mailbox.receivedBy("team@recruitly.example").get(0);
        assertThat(intro.getSubject()).isEqualTo("Re: User research platform");
        assertThat(intro.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(intro.getHeader("In-Reply-To", null)).isEqualTo("<m3@recruitly.example>");
        assertThat(intro.getHeader("References", null)).contains("<m3@recruitly.example>");
        assertThat(intro.getContent().toString()).contains("introduce you").contains("Sophie Laurent");

        MimeMessage no = mailbox.receivedBy("sales@fleetco.example").get(0);
        assertThat(no.getContent().toString()).contains("does not match what La Fabrique is looking for");
        assertThat(mailbox.receivedBy("promo@growth.example")).as("never answer bulk mail").isEmpty();
        assertThat(mailbox.receivedBy("claire@tresorerie.example")).isEmpty();
    }

    @Test
    void repliesAreInTheSendersLanguage() throws Exception {
        mailbox.deliver(Mailbox.message("bonjour@panelux.example", "<fr1@panelux.example>", "Recherche utilisateur",
                "Bonjour, nous avons créé une plateforme de recherche utilisateur qui aide les équipes de design "
                        + "d'interface à recruter des participants. Nous proposons un essai gratuit à vos membres."));
        app = start(config -> { });
        await("the French reply", PATIENCE, () -> mailbox.receivedBy("bonjour@panelux.example").size() == 1);
        MimeMessage reply = mailbox.receivedBy("bonjour@panelux.example").get(0);
        assertThat(reply.getSubject()).isEqualTo("Re: Recherche utilisateur");
        assertThat(reply.getContent().toString()).contains("Merci d'avoir pensé à La Fabrique").contains("recommandation");
        assertThat(reply.getHeader("Content-Language", null)).isEqualTo("fr");
    }

    @Test
    void theReplyGuardsHold() throws Exception {
        String body = "Hello, we built a platform that helps UX designers recruit participants for user research "
                + "interviews. Our platform is used by 300 design teams. Happy to present it to your members.";
        mailbox.deliver(Mailbox.message("news@list.example", "<g1@list.example>", "Guard precedence", body, "Precedence: list"));
        mailbox.deliver(Mailbox.message("ooo@away.example", "<g2@away.example>", "Guard auto", body, "Auto-Submitted: auto-replied"));
        mailbox.deliver(Mailbox.message("no-reply@robot.example", "<g3@robot.example>", "Guard noreply", body));
        mailbox.deliver(Mailbox.message("forged@spoof.example", "<g4@spoof.example>", "Guard dmarc", body,
                "Authentication-Results: mx.lafabrique.example; spf=fail smtp.mailfrom=spoof.example; dmarc=fail"));
        mailbox.deliver(Mailbox.message("twice@again.example", "<g5@again.example>", "Guard cool-down 1", body));
        mailbox.deliver(Mailbox.message("twice@again.example", "<g6@again.example>", "Guard cool-down 2", body + " Again."));
        mailbox.deliver(Mailbox.message("ok@fine.example", "<g7@fine.example>", "Guard none", body));

        // The guards are what this test is about, not the routing: every "Guard" pitch asks for an intro.
        app = start(config -> {
            com.fasterxml.jackson.databind.node.ArrayNode rules = config.has("rules")
                    ? (com.fasterxml.jackson.databind.node.ArrayNode) config.get("rules") : config.putArray("rules");
            com.fasterxml.jackson.databind.node.ObjectNode rule = rules.addObject().put("name", "guards").put("route", "requires_intro");
            rule.putArray("when").addObject().put("field", "subject").put("op", "starts_with").put("value", "Guard");
        });
        await("all screened", PATIENCE, quietly(() -> mailbox.subjects("Pitchgate/Intro").size() == 7));
        await("the unguarded replies", PATIENCE, () -> mailbox.receivedBy("ok@fine.example").size() == 1
                && mailbox.receivedBy("twice@again.example").size() == 1);
        Thread.sleep(500);

        for (String guarded : List.of("news@list.example", "ooo@away.example", "no-reply@robot.example", "forged@spoof.example")) {
            assertThat(mailbox.receivedBy(guarded)).as("reply to " + guarded).isEmpty();
        }
        assertThat(mailbox.receivedBy("twice@again.example")).as("one reply per cool-down").hasSize(1);
        JsonNode queue = Json.body(client.target(api("/api/queues/requires_intro")).request().get());
        List<String> withheld = queue.path("items").findValuesAsText("id").stream()
                .map(id -> Json.body(client.target(api("/api/pitches/" + id)).request().get()))
                .flatMap(p -> Json.signals(p).contains("outbound/reply_withheld") ? p.path("reasons").findValues("detail").stream() : java.util.stream.Stream.empty())
                .map(JsonNode::asText).filter(d -> d.startsWith("no reply")).toList();
        assertThat(withheld).hasSize(5).anyMatch(d -> d.contains("Precedence: list")).anyMatch(d -> d.contains("Auto-Submitted"))
                .anyMatch(d -> d.contains("no-reply address")).anyMatch(d -> d.contains("dmarc=fail"))
                .anyMatch(d -> d.contains("cool-down"));
    }

    @Test
    void aManagersMoveIsReadAsAnOverride() throws Exception {
        mailbox.deliver(Mailbox.message("sales@fleetco.example", "<o1@fleetco.example>", "Fleet software",
                "Dear Sir or Madam, I came across your website. We offer fleet management software for trucking "
                        + "companies that cuts fuel costs across large vehicle fleets and long-haul routes."));
        mailbox.deliver(Mailbox.message("anna@brightlabs.example", "<o2@brightlabs.example>", "Private office",
                "Hello, we are looking for a private office for three people from February. What are your rates?"));
        app = start(config -> { });
        await("screened", PATIENCE, quietly(() -> mailbox.subjects("Pitchgate/Declined").size() == 1
                && mailbox.subjects("Pitchgate/Forward").size() == 1));

        mailbox.move("Fleet software", "Pitchgate/Declined", "INBOX");
        mailbox.move("Private office", "Pitchgate/Forward", "Pitchgate/Intro");

        await("the overrides", PATIENCE, () -> queueIds("forward").size() == 1 && queueIds("requires_intro").size() == 1);
        JsonNode fleet = Json.body(client.target(api("/api/pitches/" + queueIds("forward").get(0))).request().get());
        assertThat(fleet.path("sender").path("email").asText()).isEqualTo("sales@fleetco.example");
        assertThat(fleet.path("overrides").get(0).path("from").asText()).isEqualTo("auto_decline");
        assertThat(fleet.path("overrides").get(0).path("actor").asText()).isEqualTo("mailbox lafabrique");
        assertThat(mailbox.subjects("INBOX")).containsExactly("Fleet software");
    }

    @Test
    void smtpIntakeAcceptsOnlyPitchAddressesAndSaysWhy() throws Exception {
        app = start(config -> { });
        int port = ((com.pitchgate.PitchgateApplication) app.getApplication()).smtpPort();
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(props(port));

        MimeMessage ok = message(session, "anna@brightlabs.example", "Hello, do you have a desk next month? How much is it?");
        jakarta.mail.Transport.send(ok, jakarta.mail.internet.InternetAddress.parse(Mailbox.ADDRESS));
        await("the SMTP pitch", PATIENCE, () -> queueIds("forward").size() == 1);

        MimeMessage elsewhere = message(session, "anna@brightlabs.example", "Hi");
        assertSmtpRefusal(() -> jakarta.mail.Transport.send(elsewhere,
                jakarta.mail.internet.InternetAddress.parse("someone@else.example")), "550");
        MimeMessage big = message(session, "anna@brightlabs.example", "x".repeat(80 * 1024));
        assertSmtpRefusal(() -> jakarta.mail.Transport.send(big, jakarta.mail.internet.InternetAddress.parse(Mailbox.ADDRESS)), "552");
        RawMail notAMessage = new RawMail(session, "Hello, this is just some text.\r\n".getBytes(StandardCharsets.UTF_8),
                "envelope@sender.example");
        assertSmtpRefusal(() -> jakarta.mail.Transport.send(notAMessage, jakarta.mail.internet.InternetAddress.parse(Mailbox.ADDRESS)),
                "554");
        assertThat(queueIds("forward")).hasSize(1);
    }

    @Test
    void withNoRoomLeftSmtpSaysTryLaterAndTheMailboxWaits() throws Exception {
        // With IDLE (MailTestConfig): the message left behind is looked at again after pollInterval
        // (200 ms) without new mail coming.
        app = start(config -> config.with("intake").put("maxBytesInFlight", "1MiB").put("inFlightWait", "200ms"));
        int port = ((com.pitchgate.PitchgateApplication) app.getApplication()).smtpPort();
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(props(port));
        MimeMessage ok = message(session, "anna@brightlabs.example", "Hello, do you have a desk next month? How much is it?");

        // A message larger than the budget takes all of it while its body comes in.
        HeldRequest held = HeldRequest.start(app.getLocalPort(), Mails.padded("<huge@brightlabs.example>", 2_000_000));
        HeldRequest.awaitHeld(app.getAdminPort(), 1024 * 1024);
        assertSmtpRefusal(() -> jakarta.mail.Transport.send(ok, jakarta.mail.internet.InternetAddress.parse(Mailbox.ADDRESS)), "451");
        mailbox.deliver(Mailbox.message("julie@comptaclair.example", "<w1@comptaclair.example>", "Logiciel de comptabilité",
                "Bonjour, nous éditons un logiciel de comptabilité pour les indépendants, avec la facturation intégrée."));
        Thread.sleep(1_500);
        assertThat(mailbox.subjects("INBOX")).as("left in the mailbox while there is no room").containsExactly("Logiciel de comptabilité");
        assertThat(queueIds("forward")).isEmpty();

        held.close();
        await("the mailbox's message, once the room is given back", PATIENCE,
                quietly(() -> mailbox.subjects("INBOX").isEmpty() && queueIds("forward").size() == 1));
        jakarta.mail.Transport.send(ok, jakarta.mail.internet.InternetAddress.parse(Mailbox.ADDRESS));
        await("the SMTP pitch sent again", PATIENCE, () -> queueIds("forward").size() == 2);
    }

    private interface SmtpCall {
        void run() throws Exception;
    }

    private static void assertSmtpRefusal(SmtpCall call, String code) {
        try {
            call.run();
            throw new AssertionError("the SMTP intake accepted what it should refuse with " + code);
        } catch (jakarta.mail.MessagingException e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t instanceof jakarta.mail.MessagingException m ? m.getNextException() : null) {
                all.append(t.getMessage()).append(' ');
            }
            assertThat(all.toString()).contains(code);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static java.util.Properties props(int port) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        return properties;
    }

    private static MimeMessage message(jakarta.mail.Session session, String from, String text) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new jakarta.mail.internet.InternetAddress(from));
        message.setSubject("SMTP pitch");
        message.setText(text);
        return message;
    }

    private List<String> queueIds(String queue) {
        return Json.body(client.target(api("/api/queues/" + queue)).request().get()).path("items").findValuesAsText("id");
    }

    private String api(String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    private DropwizardTestSupport<PitchgateConfiguration> start(Consumer<ObjectNode> edit) throws Exception {
        Path config = ConfigFiles.testConfig(c -> {
            MailTestConfig.withMail(c, GREENMAIL);
            edit.accept(c);
        });
        return ConfigFiles.start(config, TestApp.newDatabaseUrl());
    }
}
