package com.pitchgate.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ClockedApplication;
import com.pitchgate.support.Json;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CRM over HTTP: the "no" memory and its expiry, overrides that teach, intros, contacts, exports. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CrmApiTest {

    static final DropwizardAppExtension<PitchgateConfiguration> APP = new DropwizardAppExtension<>(ClockedApplication.class,
            TestApp.configPath(), TestApp.withDatabase(TestApp.newDatabaseUrl()));

    private static final String COLD = "Dear Sir or Madam, I came across your website. We offer fleet management software "
            + "for trucking companies that cuts fuel costs across large vehicle fleets and long-haul routes.";
    private static final String VENDOR = "Hello, we sell ergonomic chairs and standing desks to offices. Would you like a "
            + "catalogue and a discount on a first order?";

    @AfterEach
    void resetClock() {
        ClockedApplication.CLOCK.reset();
    }

    @Test
    void aNoStandsUntilItExpires() {
        String sender = "rep@expiring.example";
        JsonNode first = post(sender, COLD);
        assertThat(first.path("queue").asText()).isEqualTo("auto_decline");

        ClockedApplication.CLOCK.advance(Duration.ofDays(179));
        JsonNode during = post(sender, "Hello again, any interest in our fleet software this quarter? " + COLD);
        assertThat(Json.decisive(during).path("signal").asText()).isEqualTo("declined_before");

        ClockedApplication.CLOCK.advance(Duration.ofDays(2));
        JsonNode after = post(sender, "Hello, we are looking for a meeting room for a workshop next month. What are your rates?");
        assertThat(Json.signals(after)).doesNotContain("no_memory/declined_before");
        assertThat(after.path("queue").asText()).isEqualTo("forward");
    }

    @Test
    void anOverrideChangesTheNextDecisionForTheSameSender() {
        String sender = "maya@chairs.example";
        JsonNode first = post(sender, VENDOR);
        assertThat(first.path("queue").asText()).isNotEqualTo("forward");

        JsonNode overridden = Json.body(api("/api/pitches/" + first.path("id").asLong() + "/override").request()
                .post(Entity.json(Map.of("queue", "forward", "note", "we need chairs after all"))));
        assertThat(overridden.path("queue").asText()).isEqualTo("forward");
        assertThat(overridden.path("overrides").get(0).path("note").asText()).isEqualTo("we need chairs after all");
        assertThat(Json.decisive(overridden).path("signal").asText()).isEqualTo("manager_override");

        JsonNode next = post(sender, VENDOR + " We also have new models this month.");
        assertThat(next.path("queue").asText()).isEqualTo("forward");
        assertThat(Json.decisive(next).path("signal").asText()).isEqualTo("known_contact");

        String declinedSender = "spam@chairs-again.example";
        JsonNode forwarded = post(declinedSender, "Hello, we are looking for a desk. What are your rates?");
        api("/api/pitches/" + forwarded.path("id").asLong() + "/override").request()
                .post(Entity.json(Map.of("queue", "auto_decline"))).close();
        JsonNode afterDecline = post(declinedSender, "Hello, could you send me your rates for a desk again?");
        assertThat(Json.decisive(afterDecline).path("signal").asText()).isEqualTo("declined_before");

        String shortNo = "brief@chairs-brief.example";
        JsonNode brief = post(shortNo, "Hello, we are looking for a desk. What are your rates?");
        Response overridden2 = api("/api/pitches/" + brief.path("id").asLong() + "/override").request()
                .post(Entity.json(Map.of("queue", "auto_decline", "declineUntil", "2099-03-01")));
        assertThat(status(overridden2)).isEqualTo(200);
        JsonNode nextBrief = post(shortNo, "Hello, could you send me your rates for a desk again, please?");
        assertThat(Json.decisive(nextBrief).path("detail").asText()).contains("until 2099-03-01");
        Response misplaced = api("/api/pitches/" + brief.path("id").asLong() + "/override").request()
                .post(Entity.json(Map.of("queue", "forward", "declineUntil", "2099-03-01")));
        assertThat(status(misplaced)).isEqualTo(400);
    }

    @Test
    void introsOpenTheDoorToThePeopleAndOrganisationsMembersKnow() {
        Response intro = api("/api/intros").request().post(Entity.json(Map.of("introducer", "member:marie-dupont",
                "organisation", "acme.example", "note", "Marie worked with them")));
        assertThat(status(intro)).isEqualTo(201);
        JsonNode fromAcme = post("bob@acme.example", VENDOR);
        assertThat(fromAcme.path("queue").asText()).isEqualTo("forward");
        assertThat(Json.decisive(fromAcme).path("detail").asText()).contains("Marie Dupont").contains("acme.example");

        Response csv = api("/api/intros/import").queryParam("introducer", "member:tom-hale").request()
                .post(Entity.entity("name,email,organisation\nZoé Martin,zoe@zeta.example,\nNo Mail,,\n", "text/csv"));
        assertThat(Json.body(csv).path("imported").asInt()).isEqualTo(1);
        assertThat(post("zoe@zeta.example", VENDOR).path("queue").asText()).isEqualTo("forward");

        String vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Yan Li\r\nEMAIL;TYPE=work:yan@yanli.example\r\nORG:Yan Studio\r\nEND:VCARD\r\n";
        Response imported = api("/api/intros/import").queryParam("introducer", "member:tom-hale").request()
                .post(Entity.entity(vcard, "text/vcard"));
        assertThat(Json.body(imported).path("imported").asInt()).isEqualTo(1);
        JsonNode fromYan = post("yan@yanli.example", VENDOR);
        assertThat(Json.decisive(fromYan).path("detail").asText()).contains("Tom Hale").contains("yan@yanli.example");

        Response badIntroducer = api("/api/intros").request().post(Entity.json(Map.of("introducer", "member:nobody",
                "personEmail", "x@y.example")));
        assertThat(badIntroducer.getStatus()).isEqualTo(400);
        assertThat(Json.body(badIntroducer).path("message").asText()).contains("no member 'nobody'");
    }

    @Test
    void contactsKeepEveryAddressAndATimeline() {
        JsonNode first = post("Nadia <nadia@atelier-n.example>", "Hello, do you have a desk available in March? What are your rates?");
        long pitchId = first.path("id").asLong();
        JsonNode found = Json.body(api("/api/contacts").queryParam("q", "atelier-n").request().get());
        assertThat(found).hasSize(1);
        long contactId = found.get(0).path("id").asLong();

        JsonNode merged = Json.body(api("/api/contacts/" + contactId + "/addresses").request()
                .post(Entity.json(Map.of("email", "nadia.k@gmail.com"))));
        assertThat(Json.texts(merged.path("addresses"))).containsExactly("nadia.k@gmail.com", "nadia@atelier-n.example");
        post("nadia.k@gmail.com", "Hi, it's Nadia again from my own address: could we visit on Friday?");
        api("/api/pitches/" + pitchId + "/override").request().post(Entity.json(Map.of("queue", "requires_intro", "note", "test"))).close();

        JsonNode timeline = Json.body(api("/api/contacts/" + contactId + "/timeline").request().get());
        assertThat(timeline.findValuesAsText("kind")).contains("pitch", "decision", "override");
        assertThat(timeline.findValuesAsText("detail").stream().filter(d -> d.startsWith("from ")).toList()).hasSize(2);

        JsonNode byName = Json.body(api("/api/contacts").queryParam("q", "nadia").request().get());
        assertThat(byName).hasSize(1);
        JsonNode organisations = Json.body(api("/api/organizations").queryParam("q", "atelier").request().get());
        assertThat(organisations.findValuesAsText("domain")).containsExactly("atelier-n.example");
        assertThat(Json.body(api("/api/organizations").queryParam("q", "gmail").request().get())).as("personal domains").isEmpty();
        JsonNode organisation = Json.body(api("/api/organizations/" + organisations.get(0).path("id").asLong()).request().get());
        assertThat(organisation.path("contacts").get(0).path("name").asText()).isEqualTo("Nadia");
    }

    @Test
    void aManagerSaysNoToAnOrganisationAndLiftsIt() {
        Response no = api("/api/declines").request().post(Entity.json(Map.of("organisation", "pushy.example", "until", "2099-01-01")));
        assertThat(status(no)).isEqualTo(201);
        JsonNode declined = post("anyone@pushy.example", "Hello, we are looking for a desk for two. What are your rates?");
        assertThat(Json.decisive(declined).path("detail").asText()).contains("organisation pushy.example").contains("2099-01-01");

        JsonNode standing = Json.body(api("/api/declines").request().get());
        long id = java.util.stream.StreamSupport.stream(standing.spliterator(), false)
                .filter(d -> d.path("value").asText().equals("pushy.example")).findFirst().orElseThrow().path("id").asLong();
        assertThat(status(api("/api/declines/" + id).request().delete())).isEqualTo(204);
        JsonNode lifted = post("other@pushy.example", "Hello, we are looking for a desk for two. What are your rates?");
        assertThat(lifted.path("queue").asText()).isEqualTo("forward");

        Response personal = api("/api/declines").request().post(Entity.json(Map.of("organisation", "gmail.com")));
        assertThat(status(personal)).isEqualTo(400);
        Response both = api("/api/declines").request().post(Entity.json(Map.of("organisation", "a.example", "email", "b@c.example")));
        assertThat(status(both)).isEqualTo(400);
    }

    @Test
    void contactsAndDecisionsExportAsCsv() {
        post("export.me@csv.example", "Hello, do you rent meeting rooms? What are your rates?");
        Response contacts = api("/api/exports/contacts.csv").request().get();
        assertThat(contacts.getMediaType().toString()).startsWith("text/csv");
        String contactsCsv = contacts.readEntity(String.class);
        assertThat(contactsCsv.lines().findFirst().orElseThrow()).isEqualTo("id,name,email,addresses,organisation,known,first_seen,last_seen");
        assertThat(contactsCsv).contains("export.me@csv.example");
        String decisions = api("/api/exports/decisions.csv").request().get().readEntity(String.class);
        assertThat(decisions.lines().findFirst().orElseThrow()).startsWith("pitch_id,received_at,sender_email");
        assertThat(decisions).contains("export.me@csv.example").contains("forward");
    }

    @Test
    void thePublicFormTakesPitchesAndKeepsRobotsOut() {
        // A visitor's own client, as a browser would be; the app's test client is for the API.
        jakarta.ws.rs.client.Client visitor = jakarta.ws.rs.client.ClientBuilder.newClient();
        try {
            visitorPosts(visitor);
        } finally {
            visitor.close();
        }
    }

    private static void visitorPosts(jakarta.ws.rs.client.Client visitor) {
        Response html = form(visitor, "/form/la-fabrique").request().post(Entity.entity(
                "name=Eva&email=eva%40form.example&subject=Desk&message=Hello%2C+do+you+have+a+desk%3F+What+are+your+rates%3F",
                MediaType.APPLICATION_FORM_URLENCODED));
        assertThat(html.getStatus()).isEqualTo(202);
        assertThat(html.readEntity(String.class)).contains("Thank you").doesNotContain("forward");
        assertThat(Json.body(api("/api/contacts").queryParam("q", "eva@form.example").request().get())).hasSize(1);

        Response robot = form(visitor, "/form/la-fabrique").request().post(Entity.json(Map.of("email", "bot@spam.example",
                "message", "Buy now", "website", "http://spam.example")));
        assertThat(status(robot)).isEqualTo(202);
        assertThat(Json.body(api("/api/contacts").queryParam("q", "bot@spam.example").request().get())).isEmpty();

        Response invalid = form(visitor, "/form/la-fabrique").request().post(Entity.json(Map.of("email", "not-an-address", "message", "hi")));
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(Json.body(invalid).path("message").asText()).contains("email");
        Response big = form(visitor, "/form/la-fabrique").request()
                .post(Entity.json(Map.of("email", "a@b.example", "message", "x".repeat(70_000))));
        assertThat(status(big)).isEqualTo(413);
        assertThat(status(form(visitor, "/form/nowhere").request().post(Entity.json(Map.of("email", "a@b.example", "message", "hi")))))
                .isEqualTo(404);

        int status = 0;
        String body = "";
        String retryAfter = null;
        for (int i = 0; i < 6 && status != 429; i++) {
            Response response = form(visitor, "/form/la-fabrique").request().post(Entity.json(Map.of("email", "flood" + i + "@flood.example",
                    "message", "Hello number " + i)));
            body = response.readEntity(String.class);
            status = response.getStatus();
            retryAfter = response.getHeaderString("Retry-After");
        }
        assertThat(status).isEqualTo(429);
        assertThat(retryAfter).isNotBlank();
        assertThat(body).contains("too many submissions");
    }

    private static jakarta.ws.rs.client.WebTarget form(jakarta.ws.rs.client.Client visitor, String path) {
        return visitor.target(TestApp.api(APP, path).getUri());
    }

    private static JsonNode post(String from, String message) {
        String email = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
        String name = from.contains("<") ? from.substring(0, from.indexOf('<')).strip() : "";
        Response response = TestApp.postForm(APP, Map.of("name", name, "email", email, "message", message));
        assertThat(response.getStatus()).isBetween(200, 201);
        return Json.body(response);
    }

    /** The status, with the response read and closed, so the client's connections are not used up. */
    private static int status(Response response) {
        response.readEntity(String.class);
        return response.getStatus();
    }

    private static jakarta.ws.rs.client.WebTarget api(String path) {
        return TestApp.api(APP, path);
    }

}
