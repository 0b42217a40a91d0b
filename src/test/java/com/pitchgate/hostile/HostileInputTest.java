package com.pitchgate.hostile;

import static com.pitchgate.hostile.HostileCases.CRLF;
import static com.pitchgate.hostile.HostileCases.ascii;
import static com.pitchgate.hostile.HostileCases.concat;
import static com.pitchgate.hostile.HostileCases.headers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input through the real server over HTTP: malformed MIME, wrong charsets, bombs, encrypted
 * and corrupted documents, huge headers and bodies, garbage, broken JSON. Each case ends with a clear
 * 4xx with a JSON body naming the problem, or a decision whose reasons say what could not be read;
 * within the extraction time budget plus a margin; and the server then still screens a normal pitch.
 * The outcome of every case is printed and written to {@code target/hostile-report.txt}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileInputTest {

    /** extraction.timeout for this server: every request must end within it plus {@link #MARGIN}. */
    static final Duration BUDGET = Duration.ofSeconds(3);
    static final Duration MARGIN = Duration.ofSeconds(12);

    static final DropwizardAppExtension<PitchgateConfiguration> APP = TestApp.extension(
            ConfigOverride.config("extraction.timeout", BUDGET.toSeconds() + "s"),
            ConfigOverride.config("forms.rateLimit", "10000"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> REPORT = new ArrayList<>();

    /** What a case must end with. */
    sealed interface Expect permits Refused, Decided {
    }

    /** A 4xx with this status (0: any 4xx) whose JSON message contains {@code fragment}. */
    record Refused(int status, String fragment) implements Expect {
    }

    /**
     * A decision; when {@code unreadable} is not null, one of its reasons is an {@code unreadable}
     * reason whose detail contains it; {@code notInText}, when not null, must not be in the pitch's text.
     */
    record Decided(String unreadable, String notInText) implements Expect {
    }

    record Case(String name, String path, String contentType, Callable<byte[]> body, Expect expect, boolean chunked) {
        Case(String name, String path, String contentType, Callable<byte[]> body, Expect expect) {
            this(name, path, contentType, body, expect, false);
        }
    }

    static final String MESSAGES = "/api/messages";
    static final String PITCHES = "/api/pitches";
    static final String FORM = "/form/la-fabrique";
    static final String RFC822 = "message/rfc822";
    static final String JSON_TYPE = "application/json";
    static final String URLENCODED = "application/x-www-form-urlencoded";

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // --- malformed MIME
        cases.add(new Case("mime: boundary never closed, parts under another boundary", MESSAGES, RFC822, () -> ascii(
                headers("broken-boundary", "multipart/mixed; boundary=\"declared\"") + CRLF
                        + "--other" + CRLF + "Content-Type: text/plain" + CRLF + CRLF + "Hello, we sell office chairs." + CRLF
                        + "--other" + CRLF + "Content-Type: text/html" + CRLF + CRLF + "<p>Chairs</p>" + CRLF),
                new Decided(null, null)));
        cases.add(new Case("mime: multipart without a boundary parameter", MESSAGES, RFC822, () -> ascii(
                headers("no-boundary", "multipart/alternative") + CRLF + "--x" + CRLF + CRLF + "Hello there" + CRLF + "--x--" + CRLF),
                new Decided(null, null)));
        cases.add(new Case("mime: 1000 nested multiparts", MESSAGES, RFC822, () -> HostileCases.deepMultipart("deep-mp", 1000),
                new Decided("nested deeper than", null)));
        cases.add(new Case("mime: 200 nested forwarded messages", MESSAGES, RFC822, () -> HostileCases.deepForwards("deep-fwd", 200),
                new Decided("nested deeper than", null)));
        cases.add(new Case("mime: no From header", MESSAGES, RFC822, () -> ascii("Subject: who am I" + CRLF + "To: a@b.example"
                + CRLF + CRLF + "Hello" + CRLF), new Decided(null, null)));
        cases.add(new Case("mime: From only, no Subject/Date/Message-ID/MIME-Version", MESSAGES, RFC822,
                () -> ascii("From: bare@hostile.example" + CRLF + CRLF + "Hello, do you rent desks by the day?" + CRLF),
                new Decided(null, null)));
        cases.add(new Case("mime: headers, then no body at all", MESSAGES, RFC822, () -> ascii(headers("no-body", null)),
                new Decided(null, null)));
        cases.add(new Case("mime: broken base64 and quoted-printable parts", MESSAGES, RFC822, () -> ascii(
                headers("bad-cte", "multipart/mixed; boundary=\"q\"") + CRLF
                        + "--q" + CRLF + "Content-Type: text/plain" + CRLF + "Content-Transfer-Encoding: base64" + CRLF + CRLF
                        + "!!!! this is not base64 %%%% ====" + CRLF
                        + "--q" + CRLF + "Content-Type: text/plain" + CRLF + "Content-Transfer-Encoding: quoted-printable" + CRLF
                        + CRLF + "Caf=E9 =ZZ =" + CRLF
                        + "--q" + CRLF + "Content-Type: text/plain" + CRLF + "Content-Transfer-Encoding: x-unknown-encoding" + CRLF
                        + CRLF + "strange" + CRLF + "--q--" + CRLF), new Decided(null, null)));
        cases.add(new Case("mime: 500 tiny attachments", MESSAGES, RFC822, () -> {
            StringBuilder mail = new StringBuilder(headers("many-att", "multipart/mixed; boundary=\"m\"")).append(CRLF);
            mail.append("--m").append(CRLF).append("Content-Type: text/plain").append(CRLF).append(CRLF).append("Files.").append(CRLF);
            for (int i = 0; i < 500; i++) {
                mail.append("--m").append(CRLF).append("Content-Type: text/plain; name=\"f").append(i).append(".txt\"").append(CRLF)
                        .append("Content-Disposition: attachment; filename=\"f").append(i).append(".txt\"").append(CRLF).append(CRLF)
                        .append("file ").append(i).append(CRLF);
            }
            return ascii(mail.append("--m--").append(CRLF).toString());
        }, new Decided("more than 20 attachments: f20.txt and later ones", null)));
        // --- charsets
        cases.add(new Case("charset: unknown charset name", MESSAGES, RFC822, () -> ascii(
                headers("klingon", "text/plain; charset=x-klingon-8") + CRLF + "Hello, do you have desks?" + CRLF),
                new Decided("unknown charset", null)));
        cases.add(new Case("charset: mixed (ISO-8859-1, KOI8-R, windows-1252, UTF-16LE, raw UTF-8 header)", MESSAGES, RFC822,
                () -> HostileCases.mixedCharsets("mixed-cs"), new Decided(null, null)));
        // The JDK's case-insensitive back-reference, in OpenNLP's normaliser, read past such chars at the end of a text.
        cases.add(new Case("charset: private-use chars above U+FFFF ending the body", MESSAGES, RFC822, () -> concat(
                ascii(headers("plane16", "text/plain; charset=UTF-8") + CRLF),
                "Bonjour, nous proposons des bureaux \uDBFF\uDFFF\uDBFF\uDFFF".getBytes(StandardCharsets.UTF_8)),
                new Decided(null, null)));
        cases.add(new Case("charset: invalid encoded-words and NUL bytes in headers", MESSAGES, RFC822, () -> ascii(
                "From: =?utf-8?B?!!!notbase64?= <enc@hostile.example>" + CRLF + "Subject: =?x-none?Q?abc?= \u0000\u0001 nul" + CRLF
                        + "X-Nul: a\u0000b" + CRLF + CRLF + "Body with a NUL \u0000 byte." + CRLF), new Decided(null, null)));
        // --- documents
        cases.add(new Case("attachment: zip bomb (100 MiB of zeros in one entry)", MESSAGES, RFC822,
                () -> HostileCases.withAttachment("zip-bomb", "archive.zip", "application/zip", HostileCases.zipBomb("zeros.txt", 100)),
                new Decided(null, null)));
        cases.add(new Case("attachment: DOCX zip bomb (document.xml inflating to 100 MiB)", MESSAGES, RFC822,
                () -> HostileCases.withAttachment("docx-bomb", "offer.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", HostileCases.docxZipBomb(100)),
                new Decided("offer.docx: text cut at", null)));
        cases.add(new Case("attachment: DOCX billion laughs (entity bomb in document.xml)", MESSAGES, RFC822,
                () -> HostileCases.withAttachment("docx-lol", "laughs.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", HostileCases.docxEntityBomb()),
                new Decided("laughs.docx", "lollollol")));
        cases.add(new Case("attachment: XML billion laughs", MESSAGES, RFC822,
                () -> HostileCases.withAttachment("xml-lol", "laughs.xml", "application/xml", ascii(
                        "<?xml version=\"1.0\"?>\n" + HostileCases.entityBombDoctype("lolz") + "<lolz>&lol9;</lolz>")),
                new Decided(null, "lol".repeat(70_000))));
        cases.add(new Case("attachment: encrypted PDF (user password)", MESSAGES, RFC822,
                () -> HostileCases.withAttachment("enc-pdf", "secret.pdf", "application/pdf", HostileCases.encryptedPdf()),
                new Decided("encrypted", null)));
        cases.add(new Case("attachment: corrupted PDF (cut in half, bytes flipped)", MESSAGES, RFC822,
                () -> HostileCases.withAttachment("bad-pdf", "broken.pdf", "application/pdf", HostileCases.corruptedPdf()),
                new Decided("broken.pdf", null)));
        cases.add(new Case("attachment: 20 MB (under the request limit, over maxAttachmentSize)", MESSAGES, RFC822,
                () -> HostileCases.withAttachment("big-att", "big.bin", "application/octet-stream", HostileCases.random(14 << 20, 1)),
                new Decided("larger than", null)));
        cases.add(new Case("html: scripts, styles, event handlers, comments", MESSAGES, RFC822, () -> ascii(
                headers("html-script", "text/html; charset=UTF-8") + CRLF
                        + "<html><head><style>body{background:url(javascript:alert(1))} .x{color:red}</style>"
                        + "<script>alert('pwned');document.cookie</script></head><body onload=\"alert(2)\">"
                        + "<p>Hello, we <b>sell</b> desks.</p><!-- <script>alert(3)</script> -->"
                        + "<img src=x onerror=alert(4)><iframe src=\"javascript:alert(5)\"></iframe>"
                        + "<svg><script>alert(6)</script></svg></body></html>" + CRLF),
                new Decided(null, "alert(")));
        // --- sizes and garbage
        cases.add(new Case("body: 20 MB of plain text", MESSAGES, RFC822, () -> ascii(headers("long-text", "text/plain") + CRLF
                + "We sell chairs and desks. ".repeat(800_000) + CRLF), new Decided("cut at", null)));
        cases.add(new Case("headers: one 1 MB header line", MESSAGES, RFC822, () -> ascii(headers("huge-header", null)
                + "X-Junk: " + "a".repeat(1 << 20) + CRLF + CRLF + "Hello, do you rent desks?" + CRLF), new Decided(null, null)));
        cases.add(new Case("headers: 1 MB Subject", MESSAGES, RFC822, () -> ascii("From: subj@hostile.example" + CRLF
                + "Subject: " + "word ".repeat(200_000) + CRLF + CRLF + "Hello" + CRLF), new Decided(null, null)));
        cases.add(new Case("headers: 20000 header lines", MESSAGES, RFC822, () -> ascii(headers("many-headers", null)
                + "X-Many: value\r\n".repeat(20_000) + CRLF + "Hello" + CRLF), new Decided("more than 300 headers", null)));
        cases.add(new Case("garbage: 1 MB of random bytes", MESSAGES, RFC822, () -> HostileCases.random(1 << 20, 2),
                new Refused(400, "not an RFC 822 message")));
        cases.add(new Case("garbage: valid headers, then 1 MB of random bytes", MESSAGES, RFC822,
                () -> concat(ascii(headers("garbage-body", "application/octet-stream") + CRLF), HostileCases.random(1 << 20, 3)),
                new Decided(null, null)));
        cases.add(new Case("garbage: empty body", MESSAGES, RFC822, () -> new byte[0], new Refused(400, "empty")));
        cases.add(new Case("size: 50 MB message (Content-Length)", MESSAGES, RFC822, () -> concat(
                ascii(headers("fifty", null) + CRLF), new byte[50 << 20]), new Refused(413, "larger than")));
        cases.add(new Case("size: 50 MB message (chunked, no Content-Length)", MESSAGES, RFC822, () -> concat(
                ascii(headers("fifty-chunked", null) + CRLF), new byte[50 << 20]), new Refused(413, "larger than"), true));
        // --- JSON (POST /api/pitches)
        cases.add(new Case("json: wrong types", PITCHES, JSON_TYPE, () -> ascii(
                "{\"email\": 42, \"message\": [\"a\"], \"attachments\": {\"x\": 1}}"), new Refused(400, "wrong type")));
        cases.add(new Case("json: 10000 nested arrays", PITCHES, JSON_TYPE, () -> ascii(
                "{\"email\": \"a@b.example\", \"message\": \"hi\", \"name\": " + HostileCases.nested("[", "]", 10_000, "1") + "}"),
                new Refused(400, "")));
        cases.add(new Case("json: 10000 nested objects", PITCHES, JSON_TYPE, () -> ascii(
                HostileCases.nested("{\"a\":", "}", 10_000, "1")), new Refused(400, "")));
        cases.add(new Case("json: top-level null", PITCHES, JSON_TYPE, () -> ascii("null"), new Refused(422, "body")));
        cases.add(new Case("json: top-level array", PITCHES, JSON_TYPE, () -> ascii("[1,2,3]"), new Refused(400, "")));
        cases.add(new Case("json: invalid UTF-8", PITCHES, JSON_TYPE, () -> concat(ascii("{\"email\": \"a@b.example\", \"message\": \""),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, ascii("\"}")), new Refused(400, "")));
        cases.add(new Case("json: truncated UTF-32 (found by FormIntakeFuzzTest)", PITCHES, JSON_TYPE,
                () -> new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0xFF, '\n'}, new Refused(400, "")));
        cases.add(new Case("json: 5 MB message string", PITCHES, JSON_TYPE, () -> JSON.writeValueAsBytes(Map.of(
                "email", "huge@hostile.example", "message", "We sell chairs. ".repeat(5 << 16))), new Decided("cut at", null)));
        cases.add(new Case("json: 20 MB string in an unknown field", PITCHES, JSON_TYPE, () -> JSON.writeValueAsBytes(Map.of(
                "email", "huge@hostile.example", "message", "hi", "junk", "x".repeat(20 << 20))), new Refused(400, "")));
        cases.add(new Case("json: zip bomb as a base64 attachment", PITCHES, JSON_TYPE, () -> JSON.writeValueAsBytes(Map.of(
                "email", "zip@hostile.example", "message", "Our catalogue is attached.",
                "attachments", List.of(Map.of("filename", "catalogue.docx", "data",
                        Base64.getEncoder().encodeToString(HostileCases.docxZipBomb(100)))))),
                new Decided("catalogue.docx: text cut at", null)));
        // --- public web form (POST /form/{space})
        cases.add(new Case("form: bad percent-encoding", FORM, URLENCODED, () -> ascii("email=a%40b.example&message=100%zz&name=%"),
                new Refused(400, "")));
        cases.add(new Case("form: JSON null", FORM, JSON_TYPE, () -> ascii("null"), new Refused(400, "")));
        cases.add(new Case("form: JSON 10000 nested arrays", FORM, JSON_TYPE, () -> ascii(
                "{\"message\": " + HostileCases.nested("[", "]", 10_000, "1") + "}"), new Refused(400, "")));
        cases.add(new Case("form: JSON wrong types", FORM, JSON_TYPE, () -> ascii("{\"email\": {\"a\": 1}, \"message\": 5}"),
                new Refused(400, "must be text")));
        cases.add(new Case("form: 1 MB body", FORM, URLENCODED, () -> ascii("email=a%40b.example&message=" + "x".repeat(1 << 20)),
                new Refused(413, "larger than")));
        cases.add(new Case("form: binary garbage", FORM, URLENCODED, () -> HostileCases.random(4096, 4), new Refused(0, "")));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> hostileInputs() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private void run(Case c) throws Exception {
        System.out.println("hostile case: " + c.name());
        byte[] body = c.body().call();
        long start = System.nanoTime();
        String outcome = "?";
        try {
            HttpResponse<String> response;
            try {
                response = send(c, body);
            } catch (IOException closed) {
                if (!(c.expect() instanceof Refused refused && refused.status() == 413)) {
                    throw closed;
                }
                // The server answers 413 as soon as the limit is passed (at once when Content-Length says so) and
                // closes the connection; a client still sending the body may see the close (a TCP reset) before
                // it reads the answer. Seen with both a chunked body and a declared 50 MB one.
                response = null;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            outcome = response == null ? "connection closed at the limit before the client read the 413" : check(c, response);
            assertThat(took).as(c.name() + ": took " + took.toMillis() + " ms").isLessThan(BUDGET.plus(MARGIN));
            outcome += String.format(" | %,d ms", took.toMillis());
        } catch (Throwable e) {
            outcome = "FAILED: " + e.getMessage().lines().findFirst().orElse("") + String.format(" | %,d ms",
                    (System.nanoTime() - start) / 1_000_000);
            throw e;
        } finally {
            System.gc();
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            REPORT.add(String.format("%-72s | %s | heap after %d MiB", c.name(), outcome, heap));
        }
        stillScreensANormalPitch();
    }

    private static HttpResponse<String> send(Case c, byte[] body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = c.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(uri(c.path())).timeout(BUDGET.plus(MARGIN).plusSeconds(5))
                .header("Content-Type", c.contentType()).header("Accept", "application/json").POST(publisher).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String check(Case c, HttpResponse<String> response) throws IOException, InterruptedException {
        int status = response.statusCode();
        String body = response.body();
        if (c.expect() instanceof Refused refused) {
            assertThat(status).as(c.name() + ": " + abbreviate(body)).isBetween(400, 499);
            if (refused.status() != 0) {
                assertThat(status).as(c.name() + ": " + abbreviate(body)).isEqualTo(refused.status());
            }
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(c.name()).startsWith(JSON_TYPE);
            JsonNode json = JSON.readTree(body);
            // 422 (validation) answers {"errors": [...]}, every other 4xx {"code": ..., "message": ...}.
            String message = status == 422 ? json.path("errors").toString() : json.path("message").asText();
            assertThat(message).as(c.name() + ": the error says what is wrong").isNotBlank().contains(refused.fragment())
                    .isNotEqualTo("Unable to process JSON");
            return status + " \"" + abbreviate(message) + "\"";
        }
        Decided decided = (Decided) c.expect();
        assertThat(status).as(c.name() + ": " + abbreviate(body)).isBetween(200, 202);
        if (c.path().equals(FORM)) {
            return status + " received";
        }
        JsonNode decision = JSON.readTree(body);
        long id = decision.path("id").asLong();
        assertThat(id).as(c.name() + ": stored").isPositive();
        assertThat(decision.path("state").asText()).as(c.name() + ": decided at once").isEqualTo("decided");
        List<String> unreadable = new ArrayList<>();
        decision.path("reasons").forEach(r -> {
            if (r.path("signal").asText().equals("unreadable")) {
                unreadable.add(r.path("detail").asText());
            }
        });
        assertThat(unreadable).as(c.name() + ": a problem is said once, not once per part").hasSizeLessThan(25);
        if (decided.unreadable() != null) {
            assertThat(unreadable).as(c.name() + ": a reason says what could not be read; reasons: " + decision.path("reasons"))
                    .anySatisfy(detail -> assertThat(detail).containsIgnoringCase(decided.unreadable()));
        }
        if (decided.notInText() != null) {
            JsonNode pitch = JSON.readTree(get("/api/pitches/" + id).body());
            assertThat(pitch.toString()).as(c.name() + ": the pitch as read").doesNotContain(decided.notInText());
        }
        return status + " " + decision.path("queue").asText() + (unreadable.isEmpty() ? ", fully read"
                : ", unreadable: \"" + abbreviate(String.join("; ", unreadable)) + "\"");
    }

    private static void stillScreensANormalPitch() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(PITCHES)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", JSON_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of(
                        "email", "normal@example.org", "message", "Bonjour, je cherche un bureau pour janvier " + System.nanoTime()
                                + ". Quel est le tarif ?")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("a normal pitch afterwards: " + response.body()).isEqualTo(201);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + APP.getLocalPort() + path);
    }

    private static String abbreviate(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ");
        return line.length() <= 110 ? line : line.substring(0, 110) + "...";
    }

    @AfterAll
    static void writeReport() throws IOException {
        StringBuilder report = new StringBuilder(String.format("Hostile inputs (extraction budget %d s, limit per request %d s)%n",
                BUDGET.toSeconds(), BUDGET.plus(MARGIN).toSeconds()));
        REPORT.forEach(line -> report.append(line).append(System.lineSeparator()));
        System.out.print(report);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("hostile-report.txt"), report, StandardCharsets.UTF_8);
    }
}
