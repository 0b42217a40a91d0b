package com.pitchgate.mail;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Dovecot IMAP server (Debian's {@code dovecot-imapd}), run by a test with a configuration of
 * its own in a temporary folder, not the system's: IMAP on a free loopback port, plain log-in
 * without TLS, users from a passwd-file, each with a Maildir, and Dovecot's default Maildir layout
 * (folders separated by "."), as a stock installation has it. Stopped, and its folder deleted, on
 * {@link #close}.
 *
 * <p>Skips the calling test when Dovecot is not installed, and fails it on CI ({@code CI=true}),
 * where .ci/run installs it.
 */
final class DovecotServer implements AutoCloseable {

    static final Path DOVECOT = Path.of(System.getProperty("pitchgate.dovecot", "/usr/sbin/dovecot"));
    static final String MISSING = "no Dovecot at " + DOVECOT + " (apt-get install dovecot-imapd; .ci/run installs it)";
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Path folder;
    private final Process process;
    private final int port;

    private DovecotServer(Path folder, Process process, int port) {
        this.folder = folder;
        this.process = process;
        this.port = port;
    }

    /** Skips the test when there is no Dovecot here; fails it on CI, where there must be one. */
    static void require() {
        boolean installed = Files.isExecutable(DOVECOT);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("on CI the tests against real mail servers must run: " + MISSING);
        }
        assumeTrue(installed, MISSING);
    }

    /** A server with these users (address to password), each with an empty Maildir. */
    static DovecotServer start(Map<String, String> users) throws Exception {
        require();
        Path folder = Files.createTempDirectory("pitchgate-dovecot");
        // Dovecot's own processes (login, auth, the mail user) must reach their sockets and Maildirs here.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path mail = Files.createDirectories(folder.resolve("mail"));
        Files.writeString(folder.resolve("passwd"), users.entrySet().stream()
                .map(user -> user.getKey() + ":{PLAIN}" + user.getValue() + "::::::\n").collect(Collectors.joining()));
        MailOwner owner = MailOwner.forThisProcess(folder);
        owner.own(mail);
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            Path config = folder.resolve("dovecot.conf");
            Files.writeString(config, configuration(folder, port, owner));
            Process process = new ProcessBuilder(DOVECOT.toString(), "-F", "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("stdout.log").toFile()).start();
            DovecotServer server = new DovecotServer(folder, process, port);
            try {
                server.awaitGreeting();
                return server;
            } catch (IOException e) {
                lastFailure = e;
                server.stopProcess();
            }
        }
        String logs = logs(folder);
        deleteQuietly(folder);
        throw new IllegalStateException("Dovecot did not start:\n" + logs, lastFailure);
    }

    int port() {
        return port;
    }

    /** Dovecot's log, for assertion messages. */
    String log() {
        return logs(folder);
    }

    @Override
    public void close() {
        stopProcess();
        deleteQuietly(folder);
    }

    private static String configuration(Path folder, int port, MailOwner owner) {
        return """
                # Written by DovecotServer for one test run: nothing of /etc/dovecot is read.
                protocols = imap
                listen = 127.0.0.1
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                mail_location = maildir:~/Maildir
                first_valid_uid = 1
                %2$s
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/passwd
                }
                userdb {
                  driver = static
                  args = uid=%3$s gid=%4$s home=%1$s/mail/%%u
                }
                namespace inbox {
                  inbox = yes
                }
                service imap-login {
                  chroot =
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %5$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                service anvil {
                  chroot =
                }
                """.formatted(folder, owner.processUsers(), owner.user(), owner.group(), port);
    }

    /** Waits until Dovecot greets on its port ("* OK ..."), or its process has ended. */
    private void awaitGreeting() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        IOException last = new IOException("no greeting within " + START_LIMIT.toSeconds() + " s");
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(5000);
                InputStream in = socket.getInputStream();
                byte[] greeting = in.readNBytes(4);
                if (new String(greeting, StandardCharsets.US_ASCII).equals("* OK")) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw process.isAlive() ? last : new IOException("Dovecot ended with status " + process.exitValue());
    }

    private void stopProcess() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String logs(Path folder) {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("stdout.log", "dovecot.log")) {
            try {
                all.append("--- ").append(name).append('\n').append(Files.readString(folder.resolve(name)));
            } catch (IOException e) {
                all.append("--- ").append(name).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it up eventually
        }
    }

    /**
     * Who owns the Maildirs. As root, Dovecot runs its log-in and internal processes as its own
     * users (dovenull, dovecot) and refuses to give mail to root: the mail belongs to nobody. As
     * another user, every process runs as that user.
     */
    private record MailOwner(String user, String group, boolean root) {

        static MailOwner forThisProcess(Path folder) throws IOException {
            int uid = (Integer) Files.getAttribute(folder, "unix:uid");
            if (uid == 0) {
                return new MailOwner("nobody", "nogroup", true);
            }
            return new MailOwner(System.getProperty("user.name"),
                    String.valueOf(Files.getAttribute(folder, "unix:gid")), false);
        }

        String processUsers() {
            return root ? "" : "default_login_user = " + user + "\ndefault_internal_user = " + user;
        }

        void own(Path mail) throws IOException {
            if (!root) {
                return;
            }
            UserPrincipalLookupService names = mail.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(mail, PosixFileAttributeView.class);
            view.setOwner(names.lookupPrincipalByName(user));
            GroupPrincipal group = names.lookupPrincipalByGroupName(this.group);
            view.setGroup(group);
        }
    }
}
