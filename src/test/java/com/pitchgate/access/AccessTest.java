package com.pitchgate.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.Json;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint, tried with no key and with a key of each role; and every space-scoped endpoint
 * tried with another space's key. The table here is the one in docs/api.md.
 */
class AccessTest {

    static final Map<String, String> KEYS = Map.of(
            "admin", "test-admin-key", "manager", "test-manager-key", "member", "test-member-key",
            "ingest", "test-ingest-key", "other", "test-other-space-manager-key");

    private static DropwizardTestSupport<PitchgateConfiguration> app;
    private static Client client;
    private static long forwardedToMarie;
    private static long declined;
    private static long fabriqueContact;

    @BeforeAll
    static void start() throws Exception {
        app = ConfigFiles.start(ConfigFiles.testConfig(AccessTest::withKeysAndTwoSpaces), TestApp.newDatabaseUrl());
        client = ClientBuilder.newClient();
        forwardedToMarie = Json.body(call("ingest", "POST", "/api/pitches", Entity.json(Map.of("email", "joe@proto.example",
                "message", "Hello Marie, we make prototyping tools for UX designers. Would you like a free trial?"))))
                .path("id").asLong();
        declined = Json.body(call("ingest", "POST", "/api/pitches", Entity.json(Map.of("email", "sales@fleetco.example",
                "message", "Dear Sir or Madam, I came across your website. We offer fleet management software for trucking "
                        + "companies that cuts fuel costs across large vehicle fleets and long-haul routes."))))
                .path("id").asLong();
        fabriqueContact = Json.body(call("manager", "GET", "/api/contacts?q=fleetco", null)).get(0).path("id").asLong();
    }

    @AfterAll
    static void stop() {
        client.close();
        app.after();
    }

    static Stream<Arguments> endpoints() {
        String pitch = "/api/pitches/" + "{forwarded}";
        return Stream.of(
                endpoint("POST", "/api/pitches", json(Map.of("email", "x@y.example", "message", "Hello, a desk please?")), "ingest", "manager", "admin"),
                endpoint("POST", "/api/messages", Entity.entity("From: x@y.example\r\nSubject: hi\r\n\r\nA desk?\r\n", "message/rfc822"), "ingest", "manager", "admin"),
                endpoint("GET", pitch, null, "member", "manager", "admin"),
                endpoint("GET", "/api/queues/forward", null, "member", "manager", "admin"),
                endpoint("GET", "/api/queues/auto_decline", null, "manager", "admin"),
                endpoint("POST", pitch + "/override", json(Map.of("queue", "forward", "note", "same")), "manager", "admin"),
                endpoint("GET", "/api/spaces", null, "manager", "admin"),
                endpoint("GET", "/api/spaces/la-fabrique", null, "manager", "admin"),
                endpoint("GET", "/api/spaces/la-fabrique/members/marie-dupont", null, "member", "manager", "admin"),
                endpoint("GET", "/api/policies", null, "admin"),
                endpoint("GET", "/api/models", null, "manager", "admin"),
                endpoint("GET", "/api/keys", null, "admin"),
                endpoint("POST", "/api/keys", json(Map.of("name", "ci", "role", "ingest")), "admin"),
                endpoint("GET", "/api/contacts", null, "manager", "admin"),
                endpoint("GET", "/api/contacts/{contact}", null, "manager", "admin"),
                endpoint("GET", "/api/contacts/{contact}/timeline", null, "manager", "admin"),
                endpoint("GET", "/api/organizations", null, "manager", "admin"),
                endpoint("GET", "/api/intros", null, "manager", "admin"),
                endpoint("POST", "/api/intros", json(Map.of("introducer", "member:marie-dupont", "organisation", "acme.example")), "manager", "admin"),
                endpoint("GET", "/api/declines", null, "manager", "admin"),
                endpoint("GET", "/api/exports/contacts.csv", null, "manager", "admin"),
                endpoint("GET", "/api/exports/decisions.csv", null, "manager", "admin"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void eachEndpointRequiresTheRightRole(String method, String path, Entity<?> body, Set<String> allowed) {
        Response anonymous = call(null, method, path, body);
        assertThat(anonymous.getStatus()).as("no key").isEqualTo(401);
        assertThat(Json.body(anonymous).path("message").asText()).contains("API key");
        for (String role : List.of("ingest", "member", "manager", "admin")) {
            Response response = call(role, method, path, body);
            String text = response.readEntity(String.class);
            if (allowed.contains(role)) {
                assertThat(response.getStatus()).as(role + ": " + text).isBetween(200, 299);
            } else {
                assertThat(response.getStatus()).as(role + ": " + text).isEqualTo(403);
                assertThat(text).contains("\"code\":403").contains(role);
            }
        }
    }

    @Test
    void anotherSpacesKeySeesNothingOfThisSpace() {
        assertThat(call("other", "GET", "/api/pitches/" + forwardedToMarie, null).getStatus()).isEqualTo(404);
        assertThat(call("other", "POST", "/api/pitches/" + declined + "/override", json(Map.of("queue", "forward"))).getStatus())
                .isEqualTo(404);
        assertThat(call("other", "GET", "/api/contacts/" + fabriqueContact, null).getStatus()).isEqualTo(404);
        assertThat(call("other", "GET", "/api/contacts/" + fabriqueContact + "/timeline", null).getStatus()).isEqualTo(404);
        for (String path : List.of("/api/queues/forward", "/api/contacts", "/api/organizations", "/api/intros",
                "/api/declines", "/api/exports/contacts.csv", "/api/exports/decisions.csv", "/api/spaces/la-fabrique")) {
            String separator = path.contains("?") ? "&" : "?";
            Response response = call("other", "GET", path + (path.startsWith("/api/spaces") ? "" : separator + "space=la-fabrique"), null);
            assertThat(response.getStatus()).as(path).isEqualTo(403);
        }
        assertThat(call("other", "POST", "/api/pitches?space=la-fabrique", json(Map.of("email", "x@y.example", "message", "hi")))
                .getStatus()).isEqualTo(403);
        assertThat(Json.body(call("other", "GET", "/api/queues/forward", null)).path("items").findValuesAsText("id"))
                .doesNotContain(String.valueOf(forwardedToMarie));
        assertThat(Json.body(call("other", "GET", "/api/contacts", null)).findValuesAsText("email"))
                .doesNotContain("joe@proto.example", "sales@fleetco.example");
        JsonNode spaces = Json.body(call("other", "GET", "/api/spaces", null));
        assertThat(ids(spaces)).containsExactly("studio-lina");
        assertThat(call("other", "GET", "/api/exports/decisions.csv", null).readEntity(String.class)).doesNotContain("fleetco");
    }

    @Test
    void eachSpaceScreensWithItsOwnPolicies() {
        String offer = "Hello, we print picture albums and art books on recycled paper. Would you like a sample?";
        JsonNode studio = Json.body(call("other", "POST", "/api/pitches", json(Map.of("email", "print@albums.example",
                "message", offer))));
        assertThat(studio.path("queue").asText()).as(studio.toPrettyString()).isEqualTo("forward");
        assertThat(Json.decisive(studio).path("signal").asText()).isEqualTo("picture_books");
        JsonNode fabrique = Json.body(call("ingest", "POST", "/api/pitches", json(Map.of("email", "print@albums.example",
                "message", offer))));
        assertThat(Json.signals(fabrique)).doesNotContain("rules/picture_books");
    }

    @Test
    void aMemberReadsOnlyWhatWasForwardedToThem() {
        assertThat(call("member", "GET", "/api/pitches/" + declined, null).getStatus()).isEqualTo(404);
        JsonNode queue = Json.body(call("member", "GET", "/api/queues/forward", null));
        assertThat(queue.path("items").findValuesAsText("id")).containsExactly(String.valueOf(forwardedToMarie));
        assertThat(call("member", "GET", "/api/spaces/la-fabrique/members/tom-hale", null).getStatus()).isEqualTo(403);
    }

    @Test
    void keysAreShownOnceStoredHashedAndCanBeRevoked() {
        JsonNode created = Json.body(call("admin", "POST", "/api/keys", json(Map.of("name", "robot", "role", "ingest"))));
        String key = created.path("key").asText();
        assertThat(key).startsWith("pgk_");
        JsonNode listed = Json.body(call("admin", "GET", "/api/keys", null));
        assertThat(listed.toString()).contains("robot").doesNotContain(key).doesNotContain(ApiKeys.hash(key));
        Response accepted = client.target(url("/api/pitches")).request().header("Authorization", "Bearer " + key)
                .post(json(Map.of("email", "robot@y.example", "message", "Hello, a desk please?")));
        assertThat(accepted.getStatus()).isEqualTo(201);
        assertThat(call("admin", "DELETE", "/api/keys/" + created.path("id").asLong(), null).getStatus()).isEqualTo(204);
        Response refused = client.target(url("/api/pitches")).request().header("Authorization", "Bearer " + key)
                .post(json(Map.of("email", "robot2@y.example", "message", "Hello again")));
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(call("other", "DELETE", "/api/keys/" + created.path("id").asLong(), null).getStatus()).isEqualTo(403);
    }

    private static Arguments endpoint(String method, String path, Entity<?> body, String... allowed) {
        return Arguments.of(method, path, body, Set.of(allowed));
    }

    private static Entity<?> json(Map<String, ?> body) {
        return Entity.entity(body, MediaType.APPLICATION_JSON_TYPE);
    }

    static Response call(String role, String method, String path, Entity<?> body) {
        String resolved = path.replace("{forwarded}", String.valueOf(forwardedToMarie))
                .replace("{contact}", String.valueOf(fabriqueContact));
        Invocation.Builder request = client.target(url(resolved)).request();
        if (role != null) {
            request = request.header("Authorization", "Bearer " + KEYS.get(role));
        }
        return body == null ? request.method(method) : request.method(method, body);
    }

    private static String url(String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    static void withKeysAndTwoSpaces(ObjectNode config) {
        ObjectNode auth = config.putObject("auth").put("enabled", true);
        ArrayNode keys = auth.putArray("keys");
        key(keys, "admin", "la-fabrique", "admin", null);
        key(keys, "manager", "la-fabrique", "manager", null);
        key(keys, "member", "la-fabrique", "member", "marie-dupont");
        key(keys, "ingest", "la-fabrique", "ingest", null);
        key(keys, "other", "studio-lina", "manager", null);
        ObjectNode studio = ((ArrayNode) config.get("spaces")).addObject();
        studio.put("id", "studio-lina").put("name", "Studio Lina").putArray("languages").add("fr");
        studio.putObject("manager").put("name", "Lina Roy").put("email", "lina@studio-lina.example");
        ObjectNode lina = studio.putArray("members").addObject();
        lina.put("id", "lina").put("name", "Lina Roy").put("email", "lina@studio-lina.example");
        lina.putArray("skills").add("illustration");
        // Studio Lina screens with its own rules: the server's chain, with a rule of its own.
        ObjectNode rule = studio.putArray("rules").addObject().put("name", "picture_books").put("route", "forward");
        rule.putArray("when").addObject().put("field", "words").put("op", "contains").put("value", "albums");
    }

    private static void key(ArrayNode keys, String name, String space, String role, String member) {
        ObjectNode key = keys.addObject().put("name", name).put("space", space).put("role", role)
                .put("sha256", ApiKeys.hash(KEYS.get(name)));
        if (member != null) {
            key.put("member", member);
        }
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
