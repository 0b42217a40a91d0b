package com.pitchgate.mail;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SMTP server on loopback that keeps what it receives: Debian's {@code python3-aiosmtpd}
 * (aiosmtpd's own Maildir handler), run by the test on a free port. Each message is kept with the
 * envelope recipients aiosmtpd adds as {@code X-RcptTo}.
 *
 * <p>Skips the calling test when aiosmtpd is not installed for Debian's python3, and fails it on CI
 * ({@code CI=true}), where .ci/run installs it.
 */
final class AiosmtpdSink implements AutoCloseable {

    /** Debian's python: the one apt's python3-aiosmtpd is for (a python3 earlier on the PATH may not have it). */
    static final Path PYTHON = Path.of(System.getProperty("pitchgate.python", "/usr/bin/python3"));
    static final String MISSING = "no aiosmtpd for " + PYTHON + " (apt-get install python3-aiosmtpd; .ci/run installs it)";
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Path folder;
    private final Process process;
    private final int port;

    private AiosmtpdSink(Path folder, Process process, int port) {
        this.folder = folder;
        this.process = process;
        this.port = port;
    }

    /** Skips the test when aiosmtpd is missing; fails it on CI, where it must be there. */
    static void require() {
        boolean installed = installed();
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("on CI the tests against real mail servers must run: " + MISSING);
        }
        assumeTrue(installed, MISSING);
    }

    static AiosmtpdSink start() throws Exception {
        require();
        Path folder = Files.createTempDirectory("pitchgate-aiosmtpd");
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            Process process = new ProcessBuilder(PYTHON.toString(), "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + port,
                    "-c", "aiosmtpd.handlers.Mailbox", folder.resolve("maildir").toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("aiosmtpd.log").toFile()).start();
            AiosmtpdSink sink = new AiosmtpdSink(folder, process, port);
            try {
                sink.awaitGreeting();
                return sink;
            } catch (IOException e) {
                lastFailure = e;
                sink.stopProcess();
            }
        }
        throw new IllegalStateException("aiosmtpd did not start: " + Files.readString(folder.resolve("aiosmtpd.log")),
                lastFailure);
    }

    int port() {
        return port;
    }

    /** Every message received so far. */
    List<MimeMessage> received() throws IOException, MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        Session session = Session.getInstance(new Properties());
        for (String sub : List.of("new", "cur")) {
            Path box = folder.resolve("maildir").resolve(sub);
            if (!Files.isDirectory(box)) {
                continue;
            }
            try (Stream<Path> files = Files.list(box)) {
                for (Path file : files.sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        messages.add(new MimeMessage(session, in));
                    }
                }
            }
        }
        return messages;
    }

    /** The messages whose envelope named this recipient. */
    List<MimeMessage> receivedBy(String address) throws IOException, MessagingException {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : received()) {
            String recipients = message.getHeader("X-RcptTo", ",");
            if (recipients != null && recipients.toLowerCase(java.util.Locale.ROOT).contains(address)) {
                to.add(message);
            }
        }
        return to;
    }

    @Override
    public void close() {
        stopProcess();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    static boolean installed() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import aiosmtpd.handlers")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitGreeting() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        IOException last = new IOException("no greeting within " + START_LIMIT.toSeconds() + " s");
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(5000);
                byte[] greeting = socket.getInputStream().readNBytes(3);
                if (new String(greeting, StandardCharsets.US_ASCII).equals("220")) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw process.isAlive() ? last : new IOException("aiosmtpd ended with status " + process.exitValue());
    }

    private void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
