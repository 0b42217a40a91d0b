package com.pitchgate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.RandomTexts;
import io.dropwizard.util.DataSize;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MailExtractorTest {

    private static TikaTextExtractor tika;
    private static MailExtractor extractor;

    @BeforeAll
    static void setUp() {
        ExtractionConfig limits = new ExtractionConfig();
        limits.setMaxDepth(3);
        limits.setMaxAttachmentSize(DataSize.kibibytes(1));
        tika = new TikaTextExtractor(10_000, 2);
        extractor = new MailExtractor(tika, limits);
    }

    @AfterAll
    static void tearDown() {
        tika.close();
    }

    @Test
    void alternativePartsYieldThePlainTextOnce() {
        ExtractedPitch pitch = extract("""
                From: A <a@x.example>
                Reply-To: sales@x.example
                Subject: Hi
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain; charset=UTF-8

                Plain version.
                --b
                Content-Type: text/html; charset=UTF-8

                <p>HTML version.</p>
                --b--
                """);
        assertThat(pitch.body()).isEqualTo("Plain version.");
        assertThat(pitch.replyTo()).hasValueSatisfying(a -> assertThat(a.email()).isEqualTo("sales@x.example"));
        assertThat(pitch.problems()).isEmpty();
    }

    @Test
    void htmlOnlyBodyIsStrippedOfMarkupScriptsAndStyles() {
        ExtractedPitch pitch = extract("""
                From: a@x.example
                Content-Type: text/html; charset=UTF-8

                <html><head><style>.x{color:red}</style><script>alert(1)</script></head>
                <body><p>Hello <b>there</b></p></body></html>
                """);
        assertThat(pitch.body()).contains("Hello there").doesNotContain("alert").doesNotContain("color");
    }

    @Test
    void anHtmlBodyIsReadInThePartsCharsetWhateverItsMetaTagSays() {
        ExtractedPitch pitch = extract("""
                From: a@x.example
                Content-Type: text/html; charset=UTF-8

                <html><head><meta charset="windows-1252"></head><body><p>Café crème à Paris</p></body></html>
                """);
        assertThat(pitch.body()).isEqualTo("Café crème à Paris");
    }

    @Test
    void deepNestingIsCutAtTheLimitWithAProblem() {
        StringBuilder raw = new StringBuilder("From: a@x.example\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (int i = 0; i < 6; i++) {
            raw.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\n\n");
        }
        raw.append("--b6\nContent-Type: text/plain\n\ndeep text\n--b6--\n");
        for (int i = 5; i >= 0; i--) {
            raw.append("--b").append(i).append("--\n");
        }
        ExtractedPitch pitch = extract(raw.toString());
        assertThat(pitch.body()).doesNotContain("deep text");
        assertThat(pitch.problems()).anyMatch(p -> p.contains("nested deeper than 3"));
    }

    @Test
    void oversizedAttachmentIsListedButNotRead() {
        String big = "x".repeat(2_000);
        ExtractedPitch pitch = extract("From: a@x.example\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nbody\n"
                + "--b\nContent-Type: text/plain; name=big.txt\nContent-Disposition: attachment; filename=big.txt\n\n" + big + "\n"
                + "--b--\n");
        assertThat(pitch.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("big.txt");
            assertThat(a.text()).isEmpty();
            assertThat(a.problem()).hasValueSatisfying(p -> assertThat(p).contains("larger than"));
        });
    }

    @Test
    void forwardedMessageBecomesAnAttachmentWithItsText() {
        ExtractedPitch pitch = extract("""
                From: a@x.example
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                See below.
                --b
                Content-Type: message/rfc822

                From: c@y.example
                Subject: Original offer

                Our coffee beans are the best.
                --b--
                """);
        assertThat(pitch.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("forwarded message: Original offer");
            assertThat(a.text()).contains("coffee beans");
        });
    }

    @Test
    void rawUtf8HeadersAreReadAsUtf8() {
        ExtractedPitch pitch = extract("From: Léa Bernard <lea@x.example>\nSubject: Café à Lyon\n\nbody\n");
        assertThat(pitch.subject()).isEqualTo("Café à Lyon");
        assertThat(pitch.sender().name()).isEqualTo("Léa Bernard");
    }

    @Test
    void aMessageWithoutSenderIsReadWithoutOne() {
        ExtractedPitch pitch = extract("Subject: nobody\n\nhello\n");
        assertThat(pitch.sender().hasEmail()).isFalse();
        assertThat(pitch.body()).isEqualTo("hello");
        assertThat(pitch.oddHeaders()).extracting(OddHeader::signal).contains(OddHeader.MISSING_SENDER);
    }

    private static ExtractedPitch extract(String raw) {
        return extractor.extract(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Tracking pixels are found where find() finds them, on HTML made of what the pattern reads. */
    @Test
    void trackingPixelsAreTheMatchesOfThePattern() {
        String[] pieces = {"<", ">", "<img", "<IMG", "<iMg", "<imgs", "<\u0130mg", "<img/", " ", "\n", "width", "HEIGHT", "=", "\"", "'",
            "0", "1", "2", "px", "/", "display", ":", "none", "style=\"", "<p>", "a", "\u212A", "src=x",
            " width=1", " height='0'", " width = \"1px\"", " style=\"display:none\"", " display : none", " width=10", " height=2",
            " WIDTH=0>", "1px'/>"};
        java.util.Random random = new java.util.Random(37);
        int found = 0;
        for (int round = 0; round < 30_000; round++) {
            String h = RandomTexts.join(random, pieces, 1 + random.nextInt(12));
            boolean pixel = MailExtractor.TRACKING_PIXEL.matcher(h).find();
            assertThat(MailExtractor.holdsTrackingPixel(h)).as(h).isEqualTo(pixel);
            found += pixel ? 1 : 0;
        }
        assertThat(found).as("texts holding a pixel").isGreaterThan(100);
    }
}
