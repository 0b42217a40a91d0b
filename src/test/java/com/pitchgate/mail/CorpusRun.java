package com.pitchgate.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.pitchgate.mail.IntakeRun.Outcome;
import com.pitchgate.mail.IntakeRun.Server;
import com.pitchgate.mail.SpamAssassinCorpus.CorpusMessage;
import com.pitchgate.support.ConfigFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole SpamAssassin corpus through every intake of the built jar, each on a fresh SQLite store
 * (the corpus's Message-IDs repeat across intakes): POST /api/messages, the SMTP intake, and a
 * mailbox the server screens over IMAP on a real Dovecot (or on GreenMail, which is too slow for the
 * whole corpus), filled before the server starts. Prints a table after each intake: sent, stored,
 * decided per queue, refused with why, lost. Run by
 * {@code bench/corpus_run.sh}, which gives the start command's JVM options.
 *
 * <pre>CorpusRun --corpus DIR --jar JAR --config config.yml [--intakes api,smtp,imap-dovecot[,imap-greenmail]]
 *           [--work DIR] [--java-option OPTION]...</pre>
 */
public final class CorpusRun {

    private static final String PASSWORD = "corpus-run-secret";
    private static final Duration STALL = Duration.ofMinutes(2);

    private final Path jar;
    private final Path config;
    private final Path work;
    private final List<String> javaOptions;

    private CorpusRun(Path jar, Path config, Path work, List<String> javaOptions) {
        this.jar = jar;
        this.config = config;
        this.work = work;
        this.javaOptions = javaOptions;
    }

    public static void main(String[] args) throws Exception {
        Path corpus = SpamAssassinCorpus.defaultFolder();
        Path jar = Path.of("target/pitchgate-0.1.0-SNAPSHOT.jar");
        Path config = Path.of("config.yml");
        Path work = null;
        List<String> intakes = List.of("api", "smtp", "imap-dovecot");
        List<String> javaOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(value);
                case "--jar" -> jar = Path.of(value);
                case "--config" -> config = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--intakes" -> intakes = List.of(value.split(","));
                case "--java-option" -> javaOptions.add(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<CorpusMessage> messages = SpamAssassinCorpus.all(corpus);
        System.out.printf("%d messages under %s%n", messages.size(), corpus);
        CorpusRun run = new CorpusRun(jar.toAbsolutePath(), config.toAbsolutePath(),
                work != null ? Files.createDirectories(work) : Files.createTempDirectory("pitchgate-corpus-run"), javaOptions);
        List<Outcome> outcomes = new ArrayList<>();
        for (String intake : intakes) {
            Outcome outcome = run.through(intake, messages);
            System.out.printf("%s: %d sent, %d stored, %d decided, %d refused, %d lost, %.0f s%n", outcome.channel(),
                    outcome.sent(), outcome.stored(), outcome.decidedCount(), outcome.refusedCount(), outcome.lost(),
                    outcome.seconds());
            outcomes.add(outcome);
            // After each intake, so that a run cut short still shows what it measured.
            System.out.println();
            System.out.print(IntakeRun.table(outcomes));
            System.out.println();
        }
        // The mail servers' and the server's own threads are done with; nothing else keeps the JVM.
        System.exit(outcomes.stream().allMatch(o -> o.lost() == 0 && o.refusedCount() == 0) ? 0 : 1);
    }

    private Outcome through(String intake, List<CorpusMessage> messages) throws Exception {
        Path folder = Files.createDirectories(work.resolve(intake));
        String database = "jdbc:sqlite:" + folder.resolve("pitchgate.db");
        String address = firstSpace().path("addresses").path(0).asText();
        switch (intake) {
            case "api" -> {
                try (Started server = start(folder, database, edit -> { })) {
                    return IntakeRun.api(server.server(), messages);
                }
            }
            case "smtp" -> {
                int smtpPort = freePort();
                try (Started server = start(folder, database, edit -> edit.putObject("smtp").put("enabled", true)
                        .put("port", smtpPort))) {
                    Server api = server.server();
                    return IntakeRun.smtp(new Server(api.api(), smtpPort, database, api.space()), messages, address);
                }
            }
            case "imap-dovecot" -> {
                try (DovecotServer dovecot = DovecotServer.start(Map.of(address, PASSWORD))) {
                    return imap("IMAP (Dovecot)", folder, database, new ImapAccount("127.0.0.1", dovecot.port(), address, PASSWORD),
                            messages);
                }
            }
            case "imap-greenmail" -> {
                GreenMail greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
                greenMail.start();
                try {
                    greenMail.setUser(address, address, PASSWORD);
                    return imap("IMAP (GreenMail)", folder, database,
                            new ImapAccount("127.0.0.1", greenMail.getImap().getPort(), address, PASSWORD), messages);
                } finally {
                    greenMail.stop();
                }
            }
            default -> throw new IllegalArgumentException("unknown intake " + intake + " (api, smtp, imap-dovecot, imap-greenmail)");
        }
    }

    /** The mailbox filled first, then the server started on it with the account's defaults (batch, IDLE, poll interval). */
    private Outcome imap(String channel, Path folder, String database, ImapAccount account, List<CorpusMessage> messages)
            throws Exception {
        IntakeRun.append(account, "INBOX", messages);
        long started = System.nanoTime();
        try (Started server = start(folder, database, edit -> edit.putArray("imap").addObject().put("id", "corpus")
                .put("host", account.host()).put("port", account.port()).put("security", "none").put("user", account.user())
                .put("password", account.password()))) {
            return IntakeRun.imap(channel, server.server(), account, messages, STALL, started);
        }
    }

    /** The configuration's first space, which the server screens for by default. */
    private JsonNode firstSpace() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(config.toFile()).path("spaces").path(0);
    }

    /** A server from the jar, as the start command starts it, on the configuration changed by {@code edit}. */
    private Started start(Path folder, String database, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        int port = freePort();
        int adminPort = freePort();
        Path changed = ConfigFiles.edited(config, yaml -> {
            yaml.put("auth", yaml.objectNode().put("enabled", false));
            ((ObjectNode) yaml.path("server").path("applicationConnectors").get(0)).put("port", port);
            ((ObjectNode) yaml.path("server").path("adminConnectors").get(0)).put("port", adminPort);
            ((ObjectNode) yaml.path("database")).put("url", database);
            ((ObjectNode) yaml.path("logging")).put("level", "WARN");
            edit.accept(yaml);
        });
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString(), "server", changed.toString()));
        Path log = folder.resolve("server.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Started started = new Started(process, new Server("http://127.0.0.1:" + port, 0, database,
                firstSpace().path("id").asText()), log);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort
                        + "/healthcheck")).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return started;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        started.close();
        throw new IllegalStateException("the server did not start; its log: " + log + "\n" + Files.readString(log));
    }

    /** A server process, stopped on close; its log stays in the work folder. */
    private record Started(Process process, Server server, Path log) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
