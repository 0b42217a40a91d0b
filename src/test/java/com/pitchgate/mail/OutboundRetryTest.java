package com.pitchgate.mail;

import static com.pitchgate.mail.Mailbox.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.Json;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the relay is down, forwards wait and are retried with back-off, visibly; the decision stands. */
class OutboundRetryTest {

    private Client client;
    private DropwizardTestSupport<PitchgateConfiguration> app;
    private GreenMail relay;

    @BeforeEach
    void setUp() {
        client = ClientBuilder.newClient();
    }

    @AfterEach
    void tearDown() {
        client.close();
        if (app != null) {
            app.after();
        }
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void aForwardWaitsForTheRelayAndIsSentWhenItComesBack() throws Exception {
        int port = freePort();
        app = start(port, 100);
        JsonNode decision = post();
        assertThat(decision.path("queue").asText()).isEqualTo("forward");
        long id = decision.path("id").asLong();

        await("failed attempts", Duration.ofSeconds(20), () -> delivery(id).path("attempts").asInt() >= 2);
        JsonNode waiting = delivery(id);
        assertThat(waiting.path("state").asText()).isEqualTo("pending");
        assertThat(waiting.path("lastError").asText()).containsIgnoringCase("connect");
        assertThat(waiting.path("kind").asText()).isEqualTo("forward");

        relay = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        await("the forward", Duration.ofSeconds(20), () -> "sent".equals(delivery(id).path("state").asText()));
        assertThat(relay.getReceivedMessages()).hasSize(1);
        assertThat(relay.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("sophie@lafabrique.example");
        assertThat(health()).contains("0 message(s) waiting, 0 failed for good");
    }

    @Test
    void aMessageGivenUpOnTurnsTheHealthCheckRed() throws Exception {
        app = start(freePort(), 2);
        long id = post().path("id").asLong();
        await("the last attempt", Duration.ofSeconds(20), () -> "failed".equals(delivery(id).path("state").asText()));
        assertThat(delivery(id).path("attempts").asInt()).isEqualTo(2);
        assertThat(health()).contains("1 failed for good");
        JsonNode pitch = Json.body(client.target(api("/api/pitches/" + id)).request().get());
        assertThat(pitch.path("queue").asText()).as("the decision stands").isEqualTo("forward");
    }

    private JsonNode post() {
        return Json.body(client.target(api("/api/pitches")).request().post(Entity.json(Map.of("email", "anna@brightlabs.example",
                "message", "Hello, we are looking for a private office for three people. What are your rates?"))));
    }

    private JsonNode delivery(long pitchId) {
        return Json.body(client.target(api("/api/pitches/" + pitchId)).request().get()).path("deliveries").path(0);
    }

    private String health() {
        return client.target("http://localhost:" + app.getAdminPort() + "/healthcheck").request().get().readEntity(String.class);
    }

    private String api(String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    private static DropwizardTestSupport<PitchgateConfiguration> start(int relayPort, int maxAttempts) throws Exception {
        return ConfigFiles.start(ConfigFiles.testConfig(config -> {
            ObjectNode outbound = config.putObject("outbound").put("enabled", true).put("pollInterval", "50ms")
                    .put("retryDelay", "100ms").put("maxRetryDelay", "300ms").put("maxAttempts", maxAttempts);
            outbound.putObject("relay").put("host", "127.0.0.1").put("port", relayPort).put("security", "none");
        }), TestApp.newDatabaseUrl());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
