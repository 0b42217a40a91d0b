package com.pitchgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server whose only application connector is https (no TLS terminated in front of it) has no plain
 * HTTP port for the rehearsal to send to: it starts without rehearsing, and answers as usual.
 */
class RehearsalBehindHttpsTest {

    private static final String PASSWORD = "rehearsal-test";

    private static List<String> foldersBefore;
    private static Path keyStore;
    private static Path log;
    private static DropwizardTestSupport<PitchgateConfiguration> app;

    @BeforeAll
    static void startBehindHttps() throws Exception {
        foldersBefore = RehearsalTest.rehearsalFolders();
        keyStore = selfSignedKeyStore();
        log = keyStore.resolveSibling("pitchgate.log");
        Path config = ConfigFiles.testConfig(root -> {
            ArrayNode connectors = ((ObjectNode) root.get("server")).putArray("applicationConnectors");
            connectors.addObject().put("type", "https").put("port", 0).put("keyStorePath", keyStore.toString())
                    .put("keyStorePassword", PASSWORD).put("validateCerts", false);
            ((ObjectNode) root.get("logging")).putArray("appenders").addObject().put("type", "file")
                    .put("currentLogFilename", log.toString()).put("archive", false);
        });
        app = ConfigFiles.start(config, TestApp.newDatabaseUrl(), ConfigOverride.config("intake.warmUpMessages", "20"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.after();
        }
    }

    @Test
    void startsWithoutRehearsingAndAnswersOverHttps() throws Exception {
        assertThat(app.getEnvironment().metrics().counter("com.pitchgate.Rehearsal.answered").getCount()).isZero();
        assertThat(Files.readString(log)).contains("rehearsal: no plain HTTP application connector")
                .doesNotContain("rehearsal: failed");
        assertThat(foldersBefore).containsAll(RehearsalTest.rehearsalFolders());

        HttpResponse<String> answer = trustingOurKey().send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + app.getLocalPort() + "/api/messages"))
                .header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofString(RehearsalMessages.email(0, "Bonjour, un bureau pour deux ?")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).contains("\"queue\"");
    }

    /** A key and its self-signed certificate for localhost, made with the JDK's keytool. */
    private static Path selfSignedKeyStore() throws Exception {
        Path file = Files.createTempDirectory("pitchgate-tls").resolve("keystore.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "pitchgate", "-keyalg", "EC",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return file;
    }

    private static HttpClient trustingOurKey() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }
}
