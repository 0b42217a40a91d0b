package com.pitchgate.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.HeldRequest;
import com.pitchgate.support.Mails;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request bodies share the intake budget (1 MiB here): while one large message holds most of it,
 * others that find no room within the wait are refused with 503, Retry-After and a JSON reason,
 * whether their length is given or they come chunked, and are not stored; once the room is given
 * back they go through, and a message larger than the whole budget goes through alone.
 */
class RequestBodyBudgetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DropwizardTestSupport<PitchgateConfiguration> app;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        app = ConfigFiles.start(ConfigFiles.testConfig(c -> c.with("intake").put("maxBytesInFlight", "1MiB")
                .put("inFlightWait", "300ms")), TestApp.newDatabaseUrl());
    }

    @AfterAll
    static void stop() {
        app.after();
    }

    @Test
    void bodiesWithoutRoomAreRefusedAsBusyAndPassOnceThereIsRoom() throws Exception {
        byte[] large = Mails.padded("<large@brightlabs.example>", 800_000);
        byte[] second = Mails.padded("<second@brightlabs.example>", 400_000);
        try (HeldRequest held = HeldRequest.start(app.getLocalPort(), large)) {
            HeldRequest.awaitHeld(app.getAdminPort(), 800_000);

            HttpResponse<String> known = post("/api/messages", "message/rfc822", HttpRequest.BodyPublishers.ofByteArray(second));
            assertBusy(known);
            HttpResponse<String> chunked = post("/api/messages", "message/rfc822",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(second)));
            assertBusy(chunked);
            String form = JSON.writeValueAsString(JSON.createObjectNode().put("name", "Anna").put("email", "anna@brightlabs.example")
                    .put("message", "Hello, do you have a desk next month? " + "We are a team of three. ".repeat(16_000)));
            HttpResponse<String> chunkedForm = post("/api/pitches", "application/json",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8))));
            assertBusy(chunkedForm);

            assertThat(held.finish()).startsWith("HTTP/1.1 201");
        }
        HeldRequest.awaitReleased(app.getAdminPort());

        HttpResponse<String> again = post("/api/messages", "message/rfc822", HttpRequest.BodyPublishers.ofByteArray(second));
        assertThat(again.statusCode()).as("created, so the refused copy was not stored: %s", again.body()).isEqualTo(201);
        HttpResponse<String> chunked = post("/api/messages", "message/rfc822",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(Mails.padded("<chunked@brightlabs.example>", 400_000))));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(201);
        HttpResponse<String> overBudget = post("/api/messages", "message/rfc822",
                HttpRequest.BodyPublishers.ofByteArray(Mails.padded("<huge@brightlabs.example>", 1_500_000)));
        assertThat(overBudget.statusCode()).as("larger than the budget, alone: %s", overBudget.body()).isEqualTo(201);
        HeldRequest.awaitReleased(app.getAdminPort());
    }

    @Test
    void roomHeldByAClientThatGoesAwayIsGivenBack() throws Exception {
        HeldRequest held = HeldRequest.start(app.getLocalPort(), Mails.padded("<gone@brightlabs.example>", 900_000));
        HeldRequest.awaitHeld(app.getAdminPort(), 900_000);
        held.close();
        HeldRequest.awaitReleased(app.getAdminPort());
        HttpResponse<String> next = post("/api/messages", "message/rfc822",
                HttpRequest.BodyPublishers.ofByteArray(Mails.padded("<next@brightlabs.example>", 900_000)));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
    }

    private static void assertBusy(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Connection")).hasValue("close");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asInt()).isEqualTo(503);
        assertThat(body.path("message").asText()).contains("busy").contains("intake.maxBytesInFlight");
    }

    private static HttpResponse<String> post(String path, String type, HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path))
                .header("Content-Type", type).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
