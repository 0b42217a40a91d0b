package com.pitchgate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pitchgate.PitchgateApplication;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.Json;
import com.pitchgate.support.RawMail;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: a message's headers are parsed once on its way in, and its MIME tree walked once, whatever
 * its channel; counted by the metrics the admin port shows ({@code MailHeaders.parses},
 * {@code MailExtractor.walks}), on the real server.
 */
class OneParsePerMessageTest {

    private static final String PARSES = "com.pitchgate.extract.MailHeaders.parses";
    private static final String WALKS = "com.pitchgate.extract.MailExtractor.walks";
    private static final String FIRST = "pitches@lafabrique.example";
    private static final String SECOND = "pitches@annexe.example";

    private static DropwizardTestSupport<PitchgateConfiguration> app;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        // A second space, so that one SMTP message can be sent to two spaces at once.
        app = ConfigFiles.start(ConfigFiles.testConfig(config -> {
            config.putObject("smtp").put("enabled", true).put("port", 0);
            ObjectNode first = (ObjectNode) config.get("spaces").get(0);
            first.putArray("addresses").add(FIRST);
            ObjectNode second = first.deepCopy();
            second.put("id", "annexe").put("name", "L'Annexe").putArray("addresses").add(SECOND);
            ((com.fasterxml.jackson.databind.node.ArrayNode) config.get("spaces")).add(second);
        }), TestApp.newDatabaseUrl());
        client = ClientBuilder.newClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        app.after();
    }

    @Test
    void aMessagePostedOverHttpIsParsedOnceAndWalkedOnce() {
        Counts before = counts();
        Response response = post("/api/messages", Entity.entity(mail("<once-http@brightlabs.example>"), "message/rfc822"));
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(Json.body(response).path("queue").asText()).isNotEmpty();
        assertThat(counts().minus(before)).isEqualTo(new Counts(1, 1));
    }

    @Test
    void aResentMessageIsParsedOnceAndNotWalkedAgain() {
        byte[] raw = mail("<once-resent@brightlabs.example>");
        assertThat(post("/api/messages", Entity.entity(raw, "message/rfc822")).getStatus()).isEqualTo(201);
        Counts before = counts();
        Response again = post("/api/messages", Entity.entity(raw, "message/rfc822"));
        assertThat(Json.body(again).path("duplicate").asBoolean()).isTrue();
        assertThat(counts().minus(before)).as("its Message-ID is read, nothing more").isEqualTo(new Counts(1, 0));
    }

    @Test
    void aWebFormPitchHasNoMailHeadersToParse() {
        Counts before = counts();
        Response response = post("/api/pitches", Entity.json(Map.of("name", "Jean", "email", "jean@example.org",
                "message", "Bonjour, je cherche un bureau pour janvier. Quel est le tarif ?")));
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(counts().minus(before)).isEqualTo(new Counts(0, 0));
    }

    @Test
    void aMessageSentOverSmtpToTwoSpacesIsParsedOnceAndWalkedOncePerSpace() throws Exception {
        Counts before = counts();
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(((PitchgateApplication) app.getApplication()).smtpPort()));
        Session session = Session.getInstance(properties);
        // Accepted (250) only once stored and screened in both spaces: the counts are final when send returns.
        Transport.send(new RawMail(session, mail("<once-smtp@brightlabs.example>"), "anna@brightlabs.example"),
                InternetAddress.parse(FIRST + ", " + SECOND));
        assertThat(counts().minus(before)).as("the trace lines and both spaces' copies on one parse")
                .isEqualTo(new Counts(1, 2));
        assertThat(queueSize("la-fabrique") + queueSize("annexe")).isPositive();
    }

    private static byte[] mail(String messageId) {
        return ("From: Anna <anna@brightlabs.example>\r\nTo: " + FIRST + "\r\nSubject: Private office\r\n"
                + "Date: Mon, 2 Feb 2026 10:00:00 +0100\r\nMessage-ID: " + messageId + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Hello, we are looking for a private office for three people from February. What are your rates?\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Response post(String path, Entity<?> entity) {
        return client.target("http://localhost:" + app.getLocalPort() + path).request(MediaType.APPLICATION_JSON).post(entity);
    }

    private static int queueSize(String space) {
        int total = 0;
        for (String queue : List.of("forward", "requires_intro", "auto_decline")) {
            total += Json.body(client.target("http://localhost:" + app.getLocalPort() + "/api/queues/" + queue)
                    .queryParam("space", space).request().get()).path("total").asInt();
        }
        return total;
    }

    private static Counts counts() {
        JsonNode gauges = Json.body(client.target("http://localhost:" + app.getAdminPort() + "/metrics").request().get())
                .path("gauges");
        assertThat(gauges.has(PARSES) && gauges.has(WALKS)).as("both metrics on the admin port: " + gauges.fieldNames())
                .isTrue();
        return new Counts(gauges.path(PARSES).path("value").asLong(), gauges.path(WALKS).path("value").asLong());
    }

    /** Header parses and MIME walks. */
    private record Counts(long parses, long walks) {
        Counts minus(Counts before) {
            return new Counts(parses - before.parses, walks - before.walks);
        }
    }
}
