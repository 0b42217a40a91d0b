package com.pitchgate.mail;

import static com.pitchgate.mail.Mailbox.await;
import static com.pitchgate.mail.Mailbox.message;
import static com.pitchgate.mail.Mailbox.quietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.Json;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mail channels against real servers nobody on the project wrote: Debian's Dovecot (IMAP, a
 * Maildir user, its default layout: folders separated by ".") and aiosmtpd as the outbound relay,
 * both on loopback (see {@link DovecotServer}, {@link AiosmtpdSink}). Ten French and English
 * pitches are filed into the queue folders; a restart files and sends nothing twice; a manager's
 * move in their mail client is read as an override; forwards and replies arrive with their headers
 * and in the sender's language, and list mail gets no reply.
 */
@ExtendWith(RealMailServers.class)
class DovecotMailIT {

    private static final String PITCHES = "pitches@lafabrique.example";
    private static final String COPIES = "copies@lafabrique.example";
    private static final String PASSWORD = "dovecot-test-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String FORWARD = "Pitchgate/Forward";
    private static final String INTRO = "Pitchgate/Intro";
    private static final String DECLINED = "Pitchgate/Declined";
    private static final String USER_RESEARCH = "Hello, we built a platform that helps UX designers recruit participants for user "
            + "research interviews. Our platform is used by 300 design teams. Happy to present it to your members.";

    private static DovecotServer dovecot;
    private static AiosmtpdSink relay;

    private final List<DropwizardTestSupport<PitchgateConfiguration>> apps = new ArrayList<>();
    private Client client;

    @BeforeAll
    static void startServers() throws Exception {
        DovecotServer.require();
        AiosmtpdSink.require();
        dovecot = DovecotServer.start(Map.of(PITCHES, PASSWORD, COPIES, PASSWORD));
        relay = AiosmtpdSink.start();
    }

    @AfterAll
    static void stopServers() {
        if (relay != null) {
            relay.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @BeforeEach
    void setUp() {
        client = ClientBuilder.newClient();
    }

    @AfterEach
    void tearDown() {
        client.close();
        apps.forEach(DropwizardTestSupport::after);
    }

    @Test
    void tenPitchesAreFiledOnceAcrossARestartAnsweredAndAManagersMoveIsAnOverride() throws Exception {
        ImapAccount mailbox = new ImapAccount("127.0.0.1", dovecot.port(), PITCHES, PASSWORD);
        for (String raw : tenPitches()) {
            mailbox.append("INBOX", raw);
        }
        String database = TestApp.newDatabaseUrl();
        Path config = config(PITCHES, "dovecot", account -> { }, true);
        DropwizardTestSupport<PitchgateConfiguration> first = start(config, database);

        await("the ten pitches filed", PATIENCE, quietly(() -> mailbox.subjects("INBOX").isEmpty()
                && filed(mailbox).size() == 10));
        assertThat(mailbox.subjects(FORWARD)).as(dovecot.log())
                .containsExactlyInAnyOrder("Private office", "Logiciel de comptabilité", "Formation trésorerie", "Poste de travail");
        assertThat(mailbox.subjects(INTRO)).containsExactlyInAnyOrder("User research platform", "Recherche utilisateur",
                "User research digest");
        assertThat(mailbox.subjects(DECLINED)).containsExactlyInAnyOrder("Fleet software", "Référencement naturel",
                "Offre spéciale");
        assertThat(mailbox.folderNamesOnServer()).as("levels in Dovecot's own separator")
                .contains("Pitchgate.Forward", "Pitchgate.Intro", "Pitchgate.Declined");

        await("forwards and replies", PATIENCE, quietly(() -> relay.received().size() >= 8));
        Thread.sleep(1_000);
        assertThat(recipients()).as("envelope recipients of what the relay received")
                .containsExactlyInAnyOrder("sophie@lafabrique.example", "sophie@lafabrique.example",
                        "sophie@lafabrique.example", "tom@halebooks.example", "team@recruitly.example",
                        "bonjour@panelux.example", "sales@fleetco.example", "contact@seo-agence.example");
        assertRepliesAndForwards();
        int sent = relay.received().size();

        // A restart: the pitches already filed stay where they are, once, and nobody hears from us twice.
        first.after();
        apps.remove(first);
        DropwizardTestSupport<PitchgateConfiguration> second = start(config, database);
        mailbox.append("INBOX", message("li.wei@studio-wei.example", "<d11@studio-wei.example>", "Meeting room",
                "Hello, I would like to book your meeting room for a client workshop on 12 March. Is it available, and "
                        + "how much is it?"));
        await("the pitch that came after the restart", PATIENCE, quietly(() -> mailbox.subjects("INBOX").isEmpty()
                && mailbox.subjects(FORWARD).size() == 5));
        await("its forward", PATIENCE, quietly(() -> relay.received().size() == sent + 1));
        Thread.sleep(2_000);
        List<String> filed = filed(mailbox);
        assertThat(filed).hasSize(11).doesNotHaveDuplicates();
        assertThat(relay.received()).as("one more message: the new pitch's forward").hasSize(sent + 1);
        assertThat(queueTotal(second, "forward") + queueTotal(second, "requires_intro") + queueTotal(second, "auto_decline"))
                .as("pitches stored").isEqualTo(11);

        // The manager, in their mail client: the fleet pitch back to the inbox, the office inquiry to Intro.
        mailbox.move("Fleet software", DECLINED, "INBOX");
        mailbox.move("Private office", FORWARD, INTRO);
        await("the overrides", PATIENCE, () -> queueSenders(second, "forward").contains("sales@fleetco.example")
                && queueSenders(second, "requires_intro").contains("anna@brightlabs.example"));
        JsonNode fleet = pitchFrom(second, "forward", "sales@fleetco.example");
        JsonNode override = fleet.path("overrides").path(0);
        assertThat(override.path("from").asText()).isEqualTo("auto_decline");
        assertThat(override.path("to").asText()).isEqualTo("forward");
        assertThat(override.path("actor").asText()).isEqualTo("mailbox dovecot");
        JsonNode office = pitchFrom(second, "requires_intro", "anna@brightlabs.example");
        assertThat(office.path("overrides").path(0).path("note").asText()).contains("Pitchgate.Intro");
        Thread.sleep(1_000);
        assertThat(mailbox.subjects("INBOX")).as("left where the manager put it").containsExactly("Fleet software");
    }

    @Test
    void copiedPitchesAreNotCopiedAgainAfterARestart() throws Exception {
        ImapAccount mailbox = new ImapAccount("127.0.0.1", dovecot.port(), COPIES, PASSWORD);
        mailbox.append("INBOX", message("anna@brightlabs.example", "<c1@brightlabs.example>", "Private office",
                "Hello, we are looking for a private office for three people from February. What are your rates?"));
        mailbox.append("INBOX", message("sales@fleetco.example", "<c2@fleetco.example>", "Fleet software", fleetPitch()));
        mailbox.append("INBOX", message("team@recruitly.example", "<c3@recruitly.example>", "User research platform",
                USER_RESEARCH));
        String database = TestApp.newDatabaseUrl();
        Path config = config(COPIES, "copies", account -> account.put("filing", "copy"), false);
        DropwizardTestSupport<PitchgateConfiguration> first = start(config, database);
        await("the three copies", PATIENCE, quietly(() -> filed(mailbox).size() == 3));
        first.after();
        apps.remove(first);

        start(config, database);
        mailbox.append("INBOX", message("julie@comptaclair.example", "<c4@comptaclair.example>", "Logiciel de comptabilité",
                "Bonjour, nous éditons un logiciel de comptabilité pour les indépendants, avec la facturation intégrée."));
        await("the fourth copy", PATIENCE, quietly(() -> mailbox.subjects(FORWARD).size() == 2));
        Thread.sleep(2_000);
        assertThat(mailbox.subjects(FORWARD)).containsExactlyInAnyOrder("Private office", "Logiciel de comptabilité");
        assertThat(mailbox.subjects(INTRO)).containsExactly("User research platform");
        assertThat(mailbox.subjects(DECLINED)).containsExactly("Fleet software");
        assertThat(mailbox.subjects("INBOX")).as("copies leave the originals").hasSize(4);
        assertThat(mailbox.keywords("INBOX", "Fleet software")).contains("Pitchgate_auto_decline");
    }

    private static void assertRepliesAndForwards() throws Exception {
        MimeMessage forward = relay.receivedBy("tom@halebooks.example").get(0);
        assertThat(forward.getHeader("X-Pitchgate-Queue", null)).isEqualTo("forward");
        assertThat(forward.getHeader("X-Pitchgate-Reasons", null)).contains("fit/member_open_to");

        MimeMessage english = relay.receivedBy("team@recruitly.example").get(0);
        assertThat(english.getSubject()).isEqualTo("Re: User research platform");
        assertThat(english.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(english.getHeader("In-Reply-To", null)).isEqualTo("<d5@recruitly.example>");
        assertThat(english.getHeader("References", null)).contains("<d5@recruitly.example>");
        assertThat(english.getHeader("Content-Language", null)).isEqualTo("en");
        assertThat(english.getContent().toString()).contains("introduce you").contains("Sophie Laurent");

        MimeMessage french = relay.receivedBy("bonjour@panelux.example").get(0);
        assertThat(french.getSubject()).isEqualTo("Re: Recherche utilisateur");
        assertThat(french.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(french.getHeader("In-Reply-To", null)).isEqualTo("<d6@panelux.example>");
        assertThat(french.getHeader("References", null)).contains("<d6@panelux.example>");
        assertThat(french.getHeader("Content-Language", null)).isEqualTo("fr");
        assertThat(french.getContent().toString()).contains("Merci d'avoir pensé à La Fabrique").contains("recommandation");

        MimeMessage declinedFrench = relay.receivedBy("contact@seo-agence.example").get(0);
        assertThat(declinedFrench.getHeader("Content-Language", null)).isEqualTo("fr");
        assertThat(declinedFrench.getContent().toString()).contains("ne correspond pas à ce que La Fabrique recherche");
        MimeMessage declinedEnglish = relay.receivedBy("sales@fleetco.example").get(0);
        assertThat(declinedEnglish.getContent().toString()).contains("does not match what La Fabrique is looking for");

        assertThat(relay.receivedBy("news@list.example")).as("no reply to list mail (List-Id)").isEmpty();
        assertThat(relay.receivedBy("promo@growth.example")).as("no reply to bulk mail (List-Unsubscribe)").isEmpty();
        assertThat(relay.receivedBy("claire@tresorerie.example")).as("a forward, not a reply").isEmpty();
    }

    private static List<String> recipients() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : relay.received()) {
            recipients.add(message.getHeader("X-RcptTo", ","));
        }
        return recipients;
    }

    /** Ten pitches, French and English, to each queue, as they would sit in an inbox. */
    private static List<String> tenPitches() {
        return List.of(
                message("anna@brightlabs.example", "<d1@brightlabs.example>", "Private office",
                        "Hello, we are looking for a private office for three people from February. What are your rates?"),
                message("julie@comptaclair.example", "<d2@comptaclair.example>", "Logiciel de comptabilité",
                        "Bonjour, nous éditons un logiciel de comptabilité pour les indépendants, avec la facturation intégrée."),
                message("claire@tresorerie.example", "<d3@tresorerie.example>", "Formation trésorerie",
                        "Bonjour, je vous écris de la part de Tom Hale : nous proposons une formation à la gestion de trésorerie."),
                message("karim.b@gmail.com", "<d4@gmail.com>", "Poste de travail",
                        "je cherche un poste de travail pour 3 mois a partir de janvier, pourriez-vous m'envoyer vos tarifs svp"),
                message("team@recruitly.example", "<d5@recruitly.example>", "User research platform", USER_RESEARCH),
                message("bonjour@panelux.example", "<d6@panelux.example>", "Recherche utilisateur",
                        "Bonjour, nous avons créé une plateforme de recherche utilisateur qui aide les équipes de design "
                                + "d'interface à recruter des participants. Nous proposons un essai gratuit à vos membres."),
                message("news@list.example", "<d7@list.example>", "User research digest", USER_RESEARCH,
                        "List-Id: UX news <ux-news.list.example>", "Precedence: list"),
                message("sales@fleetco.example", "<d8@fleetco.example>", "Fleet software", fleetPitch()),
                message("contact@seo-agence.example", "<d9@seo-agence.example>", "Référencement naturel",
                        "Madame, Monsieur, notre agence propose des services de référencement SEO pour améliorer votre "
                                + "visibilité sur Google. Je vous propose un appel de 15 minutes cette semaine."),
                message("promo@growth.example", "<d10@growth.example>", "Offre spéciale",
                        "Bonjour {{prenom}}, nous aidons les entreprises comme la vôtre à doubler leurs ventes.",
                        "List-Unsubscribe: <https://growth.example/unsub>", "Precedence: bulk"));
    }

    private static String fleetPitch() {
        return "Dear Sir or Madam, I came across your website. We offer fleet management software for trucking "
                + "companies that cuts fuel costs across large vehicle fleets and long-haul routes.";
    }

    /** The subjects in the three queue folders. */
    private static List<String> filed(ImapAccount mailbox) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (String folder : List.of(FORWARD, INTRO, DECLINED)) {
            subjects.addAll(mailbox.subjects(folder));
        }
        return subjects;
    }

    /** test-config.yml screening a Dovecot mailbox, and sending through aiosmtpd when {@code sendMail}. */
    private static Path config(String user, String accountId, Consumer<ObjectNode> account, boolean sendMail) {
        return ConfigFiles.testConfig(config -> {
            ObjectNode imap = config.putArray("imap").addObject();
            imap.put("id", accountId).put("host", "127.0.0.1").put("port", dovecot.port()).put("security", "none")
                    .put("user", user).put("password", PASSWORD).put("pollInterval", "200ms").put("idle", true);
            account.accept(imap);
            ObjectNode outbound = config.putObject("outbound").put("enabled", sendMail).put("replyAutoDecline", true)
                    .put("pollInterval", "100ms");
            outbound.putObject("relay").put("host", "127.0.0.1").put("port", relay.port()).put("security", "none");
        });
    }

    private DropwizardTestSupport<PitchgateConfiguration> start(Path config, String database) throws Exception {
        DropwizardTestSupport<PitchgateConfiguration> app = ConfigFiles.start(config, database);
        apps.add(app);
        return app;
    }

    private long queueTotal(DropwizardTestSupport<PitchgateConfiguration> app, String queue) {
        return Json.body(client.target(api(app, "/api/queues/" + queue)).request().get()).path("total").asLong();
    }

    private List<String> queueSenders(DropwizardTestSupport<PitchgateConfiguration> app, String queue) {
        return Json.body(client.target(api(app, "/api/queues/" + queue)).request().get()).path("items")
                .findValuesAsText("senderEmail");
    }

    private JsonNode pitchFrom(DropwizardTestSupport<PitchgateConfiguration> app, String queue, String sender) {
        for (JsonNode item : Json.body(client.target(api(app, "/api/queues/" + queue)).request().get()).path("items")) {
            if (item.path("senderEmail").asText().equals(sender)) {
                return Json.body(client.target(api(app, "/api/pitches/" + item.path("id").asLong())).request().get());
            }
        }
        throw new AssertionError("no pitch from " + sender + " in " + queue);
    }

    private static String api(DropwizardTestSupport<PitchgateConfiguration> app, String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }
}
