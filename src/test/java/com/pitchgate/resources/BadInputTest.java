package com.pitchgate.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.Json;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets a 4xx with a JSON body saying what is wrong, and nothing is stored. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadInputTest {

    static final DropwizardAppExtension<PitchgateConfiguration> APP = TestApp.extension(
            ConfigOverride.config("intake.maxMessageSize", "64KiB"));

    private long storedBefore;

    @BeforeEach
    void countStored() {
        storedBefore = storedPitches();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(storedPitches()).as("pitches stored by a refused request").isEqualTo(storedBefore);
    }

    @Test
    void malformedJson() {
        JsonNode error = expectError(postJson("{\"email\": \"a@b.example\", \"message\": "), 400);
        assertThat(error.path("message").asText()).startsWith("malformed JSON").contains("line 1");
    }

    @Test
    void missingFields() {
        Response response = postJson("{\"name\": \"Nobody\"}");
        assertThat(response.getStatus()).isEqualTo(422);
        JsonNode body = Json.body(response);
        assertThat(body.path("errors").toString()).contains("email").contains("message");
    }

    @Test
    void invalidEmail() {
        Response response = postJson("{\"email\": \"not an address\", \"message\": \"hello\"}");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(Json.body(response).path("errors").toString()).contains("email");
    }

    @Test
    void fieldOfTheWrongType() {
        JsonNode error = expectError(postJson("{\"email\": \"a@b.example\", \"message\": \"hi\", \"attachments\": \"none\"}"), 400);
        assertThat(error.path("message").asText()).contains("attachments").contains("wrong type");
    }

    @Test
    void unknownField() {
        JsonNode error = expectError(postJson("{\"email\": \"a@b.example\", \"message\": \"hi\", \"phone\": \"123\"}"), 400);
        assertThat(error.path("message").asText()).contains("unknown field 'phone'");
    }

    @Test
    void attachmentThatIsNotBase64() {
        JsonNode error = expectError(postJson("{\"email\": \"a@b.example\", \"message\": \"hi\", \"attachments\": "
                + "[{\"filename\": \"a.pdf\", \"data\": \"%%% not base64 %%%\"}]}"), 400);
        assertThat(error.path("message").asText()).contains("attachments[0].data is not valid base64");
    }

    @Test
    void emptyJsonBody() {
        Response response = TestApp.api(APP, "/api/pitches").request().post(Entity.entity("", MediaType.APPLICATION_JSON));
        assertThat(response.getStatus()).isBetween(400, 422);
        assertThat(Json.body(response).toString()).contains("body");
    }

    @Test
    void bodyThatIsNotAnEmail() {
        JsonNode error = expectError(TestApp.postMessage(APP, "Hello, this is just some text, not a message."), 400);
        assertThat(error.path("message").asText()).contains("not an RFC 822 message");
    }

    @Test
    void anMboxSeparatorAloneIsNoMessage() {
        JsonNode error = expectError(TestApp.postMessage(APP, "From anna@brightlabs.example Thu Aug 22 12:00:00 2002\n"), 400);
        assertThat(error.path("message").asText()).contains("not an RFC 822 message").contains("nothing after its mbox");
    }

    @Test
    void textAfterAnMboxSeparatorIsNoMessage() {
        JsonNode error = expectError(TestApp.postMessage(APP, "From anna@brightlabs.example Thu Aug 22 12:00:00 2002\n"
                + "Hello, this is just some text, not a message.\n"), 400);
        assertThat(error.path("message").asText()).contains("not an RFC 822 message").contains("header lines");
    }

    @Test
    void emptyEmail() {
        JsonNode error = expectError(TestApp.postMessage(APP, new byte[0]), 400);
        assertThat(error.path("message").asText()).contains("empty");
    }

    @Test
    void oversizedEmail() {
        String raw = "From: big@sender.example\r\nSubject: big\r\n\r\n" + "x".repeat(70 * 1024);
        JsonNode error = expectError(TestApp.postMessage(APP, raw), 413);
        assertThat(error.path("message").asText()).contains("larger than").contains("maxMessageSize");
    }

    @Test
    void oversizedJson() {
        JsonNode error = expectError(TestApp.postForm(APP, Map.of("email", "a@b.example", "message", "y".repeat(70 * 1024))), 413);
        assertThat(error.path("message").asText()).contains("larger than");
    }

    @Test
    void wrongContentType() {
        Response response = TestApp.api(APP, "/api/messages").request().post(Entity.entity("From: a@b.example\r\n\r\nhi", "image/png"));
        expectError(response, 415);
    }

    @Test
    void unknownQueue() {
        JsonNode error = expectError(TestApp.api(APP, "/api/queues/spam").request().get(), 404);
        assertThat(error.path("message").asText()).contains("unknown queue 'spam'").contains("requires_intro");
    }

    @Test
    void pagingOutOfRange() {
        Response response = TestApp.api(APP, "/api/queues/forward").queryParam("limit", 0).request().get();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(Json.body(response).toString()).contains("limit");
    }

    @Test
    void unknownPitch() {
        JsonNode error = expectError(TestApp.api(APP, "/api/pitches/999999").request().get(), 404);
        assertThat(error.path("message").asText()).contains("no pitch with id 999999");
    }

    @Test
    void unknownSpace() {
        JsonNode error = expectError(TestApp.api(APP, "/api/pitches").queryParam("space", "elsewhere")
                .request().post(Entity.json(Map.of("email", "a@b.example", "message", "hi"))), 404);
        assertThat(error.path("message").asText()).contains("unknown space 'elsewhere'");
    }

    private static Response postJson(String json) {
        return TestApp.api(APP, "/api/pitches").request().post(Entity.entity(json, MediaType.APPLICATION_JSON));
    }

    private static JsonNode expectError(Response response, int status) {
        String body = response.readEntity(String.class);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).as(body).isTrue();
        JsonNode json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        assertThat(json.path("code").asInt()).isEqualTo(status);
        assertThat(json.path("message").asText()).isNotBlank();
        return json;
    }

    private static long storedPitches() {
        long total = 0;
        for (String queue : new String[] {"forward", "requires_intro", "auto_decline"}) {
            total += Json.body(TestApp.api(APP, "/api/queues/" + queue).request().get()).path("total").asLong();
        }
        return total;
    }
}
