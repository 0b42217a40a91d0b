package com.pitchgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pitchgate.support.TestApp;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.util.JarLocation;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The config.yml the README starts the server with is valid, refuses callers without a key, and
 * screens a pitch sent with a key made by the {@code new-key} command, as the README says; its admin
 * port (no key asked there) answers on loopback only.
 */
class ShippedConfigTest {

    @Test
    void theShippedConfigurationStartsAndScreens() throws Exception {
        String database = TestApp.newDatabaseUrl();
        String key = newKey(database, "ingest");
        DropwizardTestSupport<PitchgateConfiguration> app = new DropwizardTestSupport<>(PitchgateApplication.class,
                "config.yml", TestApp.withDatabase(database,
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("logging.loggers.com\\.pitchgate", "WARN")));
        app.before();
        Client client = ClientBuilder.newClient();
        try {
            Entity<Map<String, String>> pitch = Entity.json(Map.of("email", "jean@example.org",
                    "message", "Bonjour, je cherche un bureau pour janvier. Quel est le tarif ?"));
            String url = "http://localhost:" + app.getLocalPort() + "/api/pitches";
            Response anonymous = client.target(url).request().post(pitch);
            assertThat(anonymous.getStatus()).isEqualTo(401);
            assertThat(anonymous.readEntity(String.class)).contains("Authorization: Bearer");

            Response response = client.target(url).request().header("Authorization", "Bearer " + key).post(pitch);
            assertThat(response.getStatus()).isEqualTo(201);
            assertThat(response.readEntity(String.class)).contains("\"queue\":\"forward\"");
            assertThat(app.getEnvironment().metrics().counter("com.pitchgate.Rehearsal.answered").getCount())
                    .as("the rehearsal's pitches answered, with its own key").isEqualTo(app.getConfiguration().getIntake().getWarmUpMessages())
                    .isPositive();
            Response health = client.target("http://localhost:" + app.getAdminPort() + "/healthcheck").request().get();
            assertThat(health.getStatus()).isEqualTo(200);
            assertThat(health.readEntity(String.class)).contains("undecided-pitches").contains("store").contains("policies");
        } finally {
            client.close();
            app.after();
        }
    }

    @Test
    void theAdminPortAnswersOnLoopbackOnlyAndTheApiOnEveryInterface() throws Exception {
        DropwizardTestSupport<PitchgateConfiguration> app = new DropwizardTestSupport<>(PitchgateApplication.class,
                "config.yml", TestApp.withDatabase(TestApp.newDatabaseUrl(),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                // The first test rehearses as config.yml says; here it would only add seconds.
                ConfigOverride.config("intake.warmUpMessages", "0"),
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("logging.loggers.com\\.pitchgate", "WARN")));
        app.before();
        try {
            assertThat(status("127.0.0.1", app.getAdminPort(), "/healthcheck")).isEqualTo(200);
            assertThat(status("localhost", app.getAdminPort(), "/healthcheck")).isEqualTo(200);
            Optional<InetAddress> external = externalAddress();
            assumeTrue(external.isPresent(), "this machine has no address but loopback to try the ports from");
            String host = external.get().getHostAddress();
            assertThat(status(host, app.getLocalPort(), "/api/spaces")).as("the API on " + host).isEqualTo(401);
            assertThatThrownBy(() -> status(host, app.getAdminPort(), "/healthcheck")).as("the admin port on " + host)
                    .isInstanceOf(ConnectException.class);
        } finally {
            app.after();
        }
    }

    @Test
    void theSmtpIntakeStartsNextToALocalMailSink() throws Exception {
        assumeTrue(isFree(2625), "port 2625, config.yml's SMTP port, is taken on this machine");
        // A sink on 2525, the port most local sinks and test relays take, unless one is there already.
        try (ServerSocket sink = isFree(2525) ? new ServerSocket(2525, 50, InetAddress.getLoopbackAddress()) : null) {
            DropwizardTestSupport<PitchgateConfiguration> app = new DropwizardTestSupport<>(PitchgateApplication.class,
                    "config.yml", TestApp.withDatabase(TestApp.newDatabaseUrl(),
                    ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                    ConfigOverride.config("server.adminConnectors[0].port", "0"),
                    ConfigOverride.config("smtp.enabled", "true"),
                    ConfigOverride.config("intake.warmUpMessages", "0"),
                    ConfigOverride.config("logging.level", "WARN"),
                    ConfigOverride.config("logging.loggers.com\\.pitchgate", "WARN")));
            app.before();
            try {
                int port = ((PitchgateApplication) app.getApplication()).smtpPort();
                assertThat(port).as("the ports of smtp4dev, Mailpit, MailHog, aiosmtpd, GreenMail, MTAs")
                        .isNotIn(25, 465, 587, 1025, 2525, 3025, 8025);
                try (Socket smtp = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    smtp.setSoTimeout(5000);
                    String greeting = new java.io.BufferedReader(new java.io.InputStreamReader(smtp.getInputStream(),
                            StandardCharsets.US_ASCII)).readLine();
                    assertThat(greeting).startsWith("220 ");
                }
            } finally {
                app.after();
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static int status(String host, int port, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return http.send(HttpRequest.newBuilder(URI.create("http://" + authority + ":" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** An address of this machine other than loopback, as another machine on its network would reach it. */
    private static Optional<InetAddress> externalAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(ShippedConfigTest::isUp).filter(i -> !isLoopback(i))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && a instanceof Inet4Address)
                .findFirst();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    private static boolean isLoopback(NetworkInterface network) {
        try {
            return network.isLoopback();
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** Runs {@code new-key config.yml --role ROLE --name test} against the given database; returns the key. */
    static String newKey(String database, String role) throws Exception {
        System.setProperty("dw.database.url", database);
        try {
            PitchgateApplication application = new PitchgateApplication();
            Bootstrap<PitchgateConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Cli cli = new Cli(new JarLocation(PitchgateApplication.class), bootstrap, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            PrintStream console = System.out;
            Optional<Throwable> failure;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                failure = cli.run("new-key", "config.yml", "--role", role, "--name", "test");
            } finally {
                System.setOut(console);
            }
            assertThat(failure).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
            return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("pgk_")).findFirst().orElseThrow();
        } finally {
            System.clearProperty("dw.database.url");
        }
    }
}
