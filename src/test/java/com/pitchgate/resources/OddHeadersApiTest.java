package com.pitchgate.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.Json;
import com.pitchgate.support.OddHeaderCases;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real mail is odd, and mail filters screen it all the same: a message with no sender, several, no
 * Date, no Message-ID, words that cannot be decoded, or an address in an odd form is stored and
 * decided over HTTP, its decision naming what is odd. One whose sender is in doubt is never
 * answered, and no contact and no "no" is ever recorded for "". Replies go out through a real
 * SMTP relay (GreenMail), so that one planned by mistake would arrive.
 */
class OddHeadersApiTest {

    @RegisterExtension
    static final GreenMailExtension RELAY = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String DATED = "Date: Thu, 22 Aug 2002 12:00:00 +0000\n";
    private static final String TEXT = "Content-Type: text/plain; charset=UTF-8\n\n"
            + "Hello, we built a platform that helps designers recruit participants for user research interviews.\n";

    private DropwizardTestSupport<PitchgateConfiguration> app;
    private Client client;

    @BeforeEach
    void setUp() throws Exception {
        client = ClientBuilder.newClient();
        app = ConfigFiles.start(ConfigFiles.testConfig(config -> {
            ObjectNode outbound = config.putObject("outbound").put("enabled", true).put("replyAutoDecline", true)
                    .put("pollInterval", "100ms");
            outbound.putObject("relay").put("host", "127.0.0.1").put("port", RELAY.getSmtp().getPort()).put("security", "none");
            ((ObjectNode) config.get("routing")).put("declineWholeOrganisation", true);
            // Where a pitch goes is the policies' business, which may change: a header routes these ones.
            ArrayNode rules = config.has("rules") ? (ArrayNode) config.get("rules") : config.putArray("rules");
            for (String queue : List.of("requires_intro", "auto_decline")) {
                ObjectNode rule = rules.addObject().put("name", "test_" + queue).put("route", queue);
                rule.putArray("when").addObject().put("field", "header:X-Test-Route").put("op", "equals").put("value", queue);
            }
        }), TestApp.newDatabaseUrl());
    }

    @AfterEach
    void tearDown() {
        client.close();
        app.after();
    }

    @TestFactory
    Stream<DynamicTest> eachOddHeaderIsStoredDecidedAndNamed() {
        return OddHeaderCases.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Response response = post(c.raw());
            JsonNode decision = Json.body(response);
            assertThat(response.getStatus()).as(decision.toString()).isEqualTo(201);
            assertThat(decision.path("state").asText()).isEqualTo("decided");
            assertThat(decision.path("queue").asText()).isIn("forward", "requires_intro", "auto_decline");
            assertThat(Json.signals(decision)).as(decision.toPrettyString()).contains("extract/" + c.signal());

            JsonNode pitch = pitch(decision.path("id").asLong());
            assertThat(pitch.path("sender").path("email").asText()).isEqualTo(c.sender());
            assertThat(pitch.path("text").asText()).contains("user research interviews");
            assertThat(Json.signals(pitch)).contains("extract/" + c.signal());
        }));
    }

    @Test
    void anMboxSeparatorBeforeTheMessageIsSetAside() {
        JsonNode decision = Json.body(post("From anna@brightlabs.example Thu Aug 22 12:00:00 2002\n"
                + "From: Anna Berg <anna@brightlabs.example>\nSubject: mbox\nMessage-ID: <mbox@brightlabs.example>\n" + DATED + TEXT));
        assertThat(decision.path("state").asText()).isEqualTo("decided");
        assertThat(Json.signals(decision)).noneMatch(s -> s.startsWith("extract/"));
        JsonNode pitch = pitch(decision.path("id").asLong());
        assertThat(pitch.path("sender").path("email").asText()).isEqualTo("anna@brightlabs.example");
        assertThat(pitch.path("subject").asText()).isEqualTo("mbox");
        pitch.path("headers").fieldNames().forEachRemaining(name -> assertThat(name).doesNotContain(" "));
    }

    @Test
    void aSenderInDoubtIsNeverAnswered() throws Exception {
        List<Long> doubtful = new ArrayList<>();
        for (String queue : List.of("requires_intro", "auto_decline")) {
            doubtful.add(routed(queue, "From: \"\" <>\nSubject: nobody " + queue + "\n"));
            doubtful.add(routed(queue, "Subject: no From " + queue + "\n"));
            doubtful.add(routed(queue, "From: first@several.example, second@several.example\nSubject: several " + queue + "\n"));
            doubtful.add(routed(queue, "From: Jane Doe\nReturn-Path: <jane@envelope.example>\nSubject: envelope " + queue + "\n"));
        }
        long answered = routed("requires_intro", "From: anna@answered.example\nSubject: answered\n");

        for (long id : doubtful) {
            JsonNode pitch = pitch(id);
            assertThat(pitch.path("deliveries").findValuesAsText("kind")).as(pitch.toPrettyString()).doesNotContain("reply");
            assertThat(withheld(pitch)).as(pitch.toPrettyString()).anyMatch(d -> d.startsWith("no reply: the sender is in doubt"));
        }
        assertThat(pitch(answered).path("deliveries").findValuesAsText("kind")).containsExactly("reply");
        assertThat(RELAY.waitForIncomingEmail(30_000, 1)).as("the one reply").isTrue();
        Thread.sleep(1_000);
        MimeMessage[] sent = RELAY.getReceivedMessages();
        assertThat(sent).hasSize(1);
        assertThat(sent[0].getAllRecipients()[0].toString()).isEqualTo("anna@answered.example");
    }

    @Test
    void aPitchWithoutASenderLeavesNoContactAndNoNo() {
        long first = routed("auto_decline", "From: \"\" <>\nSubject: first bounce\n");
        long second = routed("auto_decline", "Subject: no From at all\n");
        JsonNode secondPitch = pitch(second);
        assertThat(Json.signals(secondPitch)).as("not declined for a \"no\" given to the first").doesNotContain("no_memory/declined_before");
        assertThat(declines()).as("no \"no\" for \"\" or for no organisation").isEmpty();

        for (String queue : List.of("forward", "auto_decline")) {
            Response moved = api("/api/pitches/" + first + "/override").request()
                    .post(Entity.json(Map.of("queue", queue, "note", "a person looked")));
            assertThat(moved.getStatus()).isEqualTo(200);
        }
        assertThat(declines()).as("a person's decline of a pitch without a sender says no to nobody").isEmpty();
        assertThat(contactEmails()).doesNotContain("");

        routed("auto_decline", "From: someone@declined.example\nSubject: with a sender\n");
        assertThat(declines()).as("a pitch with a sender still gets its \"no\", and its organisation one")
                .containsExactlyInAnyOrder("sender:someone@declined.example", "organisation:declined.example");
        assertThat(contactEmails()).contains("someone@declined.example").doesNotContain("");
    }

    private long routed(String queue, String headers) {
        JsonNode decision = Json.body(post(headers + "X-Test-Route: " + queue + "\nMessage-ID: <" + System.nanoTime()
                + "@odd.example>\n" + DATED + TEXT));
        assertThat(decision.path("queue").asText()).as(decision.toPrettyString()).isEqualTo(queue);
        return decision.path("id").asLong();
    }

    private static List<String> withheld(JsonNode pitch) {
        List<String> details = new ArrayList<>();
        pitch.path("reasons").forEach(r -> {
            if (r.path("signal").asText().equals("reply_withheld")) {
                details.add(r.path("detail").asText());
            }
        });
        return details;
    }

    private List<String> declines() {
        List<String> values = new ArrayList<>();
        Json.body(api("/api/declines").request().get()).forEach(d -> values.add(d.path("scope").asText() + ":" + d.path("value").asText()));
        return values;
    }

    private List<String> contactEmails() {
        return Json.body(api("/api/contacts").request().get()).findValuesAsText("email");
    }

    private JsonNode pitch(long id) {
        return Json.body(api("/api/pitches/" + id).request().get());
    }

    private Response post(String raw) {
        return api("/api/messages").request().post(Entity.entity(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8),
                "message/rfc822"));
    }

    private jakarta.ws.rs.client.WebTarget api(String path) {
        return client.target("http://localhost:" + app.getLocalPort() + path);
    }
}
