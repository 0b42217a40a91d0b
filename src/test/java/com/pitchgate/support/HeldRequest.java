package com.pitchgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A raw e-mail posted over a plain socket, its body sent only in part: the server holds room for it
 * in the intake budget until the rest comes ({@link #finish}) or the client goes ({@link #close}).
 */
public final class HeldRequest implements AutoCloseable {

    private static final String HELD_BYTES = "com.pitchgate.ingest.IntakeBudget.heldBytes";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final byte[] raw;
    private final int sent;

    private HeldRequest(Socket socket, byte[] raw, int sent) {
        this.socket = socket;
        this.raw = raw;
        this.sent = sent;
    }

    /** Sends the headers and the first KiB of {@code raw} to {@code POST /api/messages}. */
    public static HeldRequest start(int port, byte[] raw) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: message/rfc822\r\nContent-Length: "
                + raw.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int sent = Math.min(1024, raw.length);
        out.write(raw, 0, sent);
        out.flush();
        return new HeldRequest(socket, raw, sent);
    }

    /** Sends the rest of the body; the answer's status line and body. */
    public String finish() throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(raw, sent, raw.length - sent);
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")
                || !complete(answer.toString(StandardCharsets.ISO_8859_1))) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            answer.write(buffer, 0, n);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String answer) {
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        int at = head.indexOf("content-length: ");
        if (at < 0) {
            return true;
        }
        int length = Integer.parseInt(head.substring(at + 16).lines().findFirst().orElseThrow().strip());
        return answer.length() - answer.indexOf("\r\n\r\n") - 4 >= length;
    }

    /** Gives up the request half-sent. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Bytes the intake budget holds now, from the admin port's metrics. */
    public static long heldBytes(int adminPort) {
        try (InputStream in = URI.create("http://127.0.0.1:" + adminPort + "/metrics").toURL().openStream()) {
            JsonNode metrics = JSON.readTree(in);
            return metrics.path("gauges").path(HELD_BYTES).path("value").asLong(-1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until the budget holds at least {@code bytes}. */
    public static void awaitHeld(int adminPort, long bytes) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (heldBytes(adminPort) < bytes) {
            assertThat(Instant.now()).as("the intake budget to hold " + bytes + " bytes").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * Waits until the budget holds nothing: room is given back once the answer is written, so a
     * client may read its answer a moment before.
     */
    public static void awaitReleased(int adminPort) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (heldBytes(adminPort) != 0) {
            assertThat(Instant.now()).as("the intake budget to hold nothing, not " + heldBytes(adminPort)).isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
