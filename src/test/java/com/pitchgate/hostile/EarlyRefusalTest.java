package com.pitchgate.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.access.ApiKeys;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request refused before its body is read (no key, unknown path or space, wrong type, too many
 * submissions, too large) is answered at once with {@code Connection: close}, and the connection is
 * closed: a client that sent only part of a large body neither hangs nor reuses the connection.
 */
class EarlyRefusalTest {

    private static final String KEY = ApiKeys.generate();
    private static DropwizardTestSupport<PitchgateConfiguration> app;

    @BeforeAll
    static void start() throws Exception {
        app = ConfigFiles.start(ConfigFiles.testConfig(c -> {
            c.putObject("auth").put("enabled", true).putArray("keys").addObject().put("name", "ingest")
                    .put("space", "la-fabrique").put("role", "ingest").put("sha256", ApiKeys.hash(KEY));
            c.with("forms").put("rateLimit", 1).put("maxSize", "64KiB");
        }), TestApp.newDatabaseUrl());
    }

    @AfterAll
    static void stop() {
        app.after();
    }

    @Test
    void refusalsOfUnreadBodiesCloseTheConnection() throws Exception {
        List<String> outcomes = new ArrayList<>();
        outcomes.add(refused("/api/messages", "message/rfc822", false, 401));
        outcomes.add(refused("/api/nothing-here", "message/rfc822", true, 404));
        outcomes.add(refused("/api/messages", "image/png", true, 415));
        outcomes.add(refused("/api/messages?space=elsewhere", "message/rfc822", true, 404));
        outcomes.add(refused("/form/nowhere", "application/x-www-form-urlencoded", false, 404));
        outcomes.add(refused("/api/messages", "message/rfc822", true, 413, 60_000_000));
        // The first form post uses the one submission allowed; its body is too large (413), the next is 429.
        outcomes.add(refused("/form/la-fabrique", "application/x-www-form-urlencoded", false, 413));
        outcomes.add(refused("/form/la-fabrique", "application/x-www-form-urlencoded", false, 429));
        outcomes.forEach(System.out::println);
    }

    private String refused(String path, String type, boolean withKey, int status) throws IOException {
        return refused(path, type, withKey, status, 5_000_000);
    }

    /** Sends the headers and 1 KB of a body said to be {@code length} bytes, then reads the answer. */
    private String refused(String path, String type, boolean withKey, int status, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.getLocalPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\nContent-Length: " + length
                    + "\r\n" + (withKey ? "Authorization: Bearer " + KEY + "\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException reset) {
                closed = true;
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            String head = text.contains("\r\n\r\n") ? text.substring(0, text.indexOf("\r\n\r\n")) : text;
            assertThat(head).as(path).startsWith("HTTP/1.1 " + status);
            assertThat(head.toLowerCase()).as(path + ": says it closes").contains("connection: close");
            assertThat(closed).as(path + ": closed within 5 s").isTrue();
            return "POST " + path + " (" + type + ", 1 KB of " + length + " bytes sent): " + head.lines().findFirst().orElse("")
                    + ", Connection: close, closed";
        }
    }
}
