package com.pitchgate.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.access.ApiKeys;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.TestApp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secrets (the IMAP password, the SMTP relay's credentials, API keys) are never written to the logs
 * nor returned by the API, apart from a new key in the answer that creates it. The server runs with
 * every logger of its own at DEBUG into a file, fails to log in to an IMAP server and to a relay
 * (GreenMail, which knows the mailbox by another password; a closed port for the relay), makes a key, and answers every reading endpoint; then the log and every answer
 * are searched for each secret.
 */
class SecretsTest {

    /** A real IMAP server that knows the mailbox with another password: the log-in fails on authentication. */
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final String IMAP_PASSWORD = "imap-Pa55-" + Long.toHexString(System.nanoTime());
    private static final String SMTP_USER = "relay-user-" + Long.toHexString(System.nanoTime());
    private static final String SMTP_PASSWORD = "smtp-Pa55-" + Long.toHexString(System.nanoTime());
    private static final String ADMIN_KEY = ApiKeys.generate();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void secretsAreNeverLoggedNorReturned() throws Exception {
        Path log = Files.createTempFile("pitchgate-secrets", ".log");
        log.toFile().deleteOnExit();
        int closedPort = closedPort();
        Path config = ConfigFiles.testConfig(c -> {
            ObjectNode logging = c.putObject("logging").put("level", "INFO");
            logging.putObject("loggers").put("com.pitchgate", "DEBUG").put("org.apache.pdfbox", "ERROR");
            ArrayNode appenders = logging.putArray("appenders");
            appenders.addObject().put("type", "file").put("currentLogFilename", log.toString()).put("archive", false)
                    .put("threshold", "ALL").put("logFormat", "%d{HH:mm:ss.SSS} %-5level %logger - %msg%n%ex");
            ObjectNode auth = c.putObject("auth").put("enabled", true);
            auth.putArray("keys").addObject().put("name", "boss").put("space", "la-fabrique").put("role", "admin")
                    .put("sha256", ApiKeys.hash(ADMIN_KEY));
            c.putArray("imap").addObject().put("id", "secret-box").put("host", "127.0.0.1")
                    .put("port", GREENMAIL.getImap().getPort())
                    .put("security", "none").put("user", "pitches@lafabrique.example").put("password", IMAP_PASSWORD)
                    .put("pollInterval", "100ms").put("idle", false);
            ObjectNode outbound = c.putObject("outbound").put("enabled", true).put("replyAutoDecline", true)
                    .put("forward", true).put("pollInterval", "100ms").put("retryDelay", "100ms");
            outbound.putObject("relay").put("host", "127.0.0.1").put("port", closedPort).put("security", "none")
                    .put("user", SMTP_USER).put("password", SMTP_PASSWORD);
        });
        GREENMAIL.setUser("pitches@lafabrique.example", "pitches@lafabrique.example", "the-right-password");
        DropwizardTestSupport<PitchgateConfiguration> app = ConfigFiles.start(config, TestApp.newDatabaseUrl());
        Map<String, String> answers = new LinkedHashMap<>();
        String createdKey;
        try {
            String base = "http://localhost:" + app.getLocalPort();
            String admin = "http://localhost:" + app.getAdminPort();
            // A pitch, so that the outbox tries the relay with its credentials.
            answers.put("POST /api/pitches", call("POST", base + "/api/pitches", Map.of("email", "jean@example.org",
                    "message", "Bonjour, je cherche un bureau pour janvier. Quel est le tarif ?")).body());
            HttpResponse<String> created = call("POST", base + "/api/keys", Map.of("name", "robot", "role", "ingest"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            createdKey = JSON.readTree(created.body()).path("key").asText();
            assertThat(createdKey).startsWith("pgk_");
            waitFor("a failed IMAP log-in in the log", () -> read(log).contains("AuthenticationFailedException"));
            waitFor("a failed send through the relay in the log", () -> read(log).contains("failed (attempt"));
            for (String path : List.of("/api/keys", "/api/spaces", "/api/spaces/la-fabrique", "/api/policies", "/api/models",
                    "/api/pitches/1", "/api/queues/forward", "/api/queues/requires_intro", "/api/contacts",
                    "/api/exports/decisions.csv")) {
                answers.put("GET " + path, call("GET", base + path, null).body());
            }
            for (String path : List.of("/healthcheck", "/metrics", "/threads")) {
                answers.put("admin GET " + path, call("GET", admin + path, null).body());
            }
        } finally {
            app.after();
        }
        String logged = read(log);
        assertThat(logged).as("the log has the IMAP failure, with the account named").contains("secret-box");
        Map<String, String> secrets = Map.of("IMAP password", IMAP_PASSWORD, "SMTP password", SMTP_PASSWORD,
                "admin key", ADMIN_KEY, "created key", createdKey, "created key's random part", createdKey.substring(4));
        List<String> leaks = new ArrayList<>();
        secrets.forEach((what, secret) -> {
            if (logged.contains(secret)) {
                leaks.add(what + " in the log");
            }
            answers.forEach((endpoint, body) -> {
                if (body.contains(secret)) {
                    leaks.add(what + " in the answer to " + endpoint);
                }
            });
        });
        System.out.printf("Secrets: %d secrets searched in %,d characters of log and %d answers: %s%n", secrets.size(),
                logged.length(), answers.size(), leaks.isEmpty() ? "no leak" : leaks);
        assertThat(leaks).as("secrets leaked").isEmpty();
        // The relay's user is not a secret, but says the account is described, not hidden entirely.
        assertThat(logged).as("log lines about the relay or mailbox").doesNotContain("password=");
    }

    private static HttpResponse<String> call(String method, String url, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN_KEY);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static int closedPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
