package com.pitchgate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void readsTextInItsDeclaredCharsetOrUtf8() {
        byte[] latin1 = "Café crème à 2 €".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(PlainText.read(latin1, "text/plain; charset=windows-1252", 1000))
                .contains(new ExtractedText("Café crème à 2 €", "text/plain", Optional.empty()));
        assertThat(PlainText.read("Café".getBytes(StandardCharsets.UTF_8), "text/plain", 1000).map(ExtractedText::text))
                .contains("Café");
    }

    @Test
    void cutsLongTextAndSaysSo() {
        byte[] long_ = "word ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        ExtractedText text = PlainText.read(long_, "text/plain; charset=us-ascii", 101).orElseThrow();
        assertThat(text.text()).hasSize(101).endsWith("word w");
        assertThat(text.problem()).contains("text cut at 101 characters");
        assertThat(PlainText.read("abcdef".getBytes(StandardCharsets.US_ASCII), "text/plain", 5).orElseThrow().problem())
                .contains("text cut at 5 characters");
        assertThat(PlainText.read("abcde".getBytes(StandardCharsets.US_ASCII), "text/plain", 5).orElseThrow().problem())
                .isEmpty();
    }

    @Test
    void leavesToTikaWhatIsNotCleanTextOfTheDeclaredKind() {
        byte[] notUtf8 = {'P', 'D', 'F', (byte) 0xff, (byte) 0xfe, 0x00, 0x01};
        assertThat(PlainText.read(notUtf8, "text/plain; charset=UTF-8", 1000)).isEmpty();
        assertThat(PlainText.read("a\0b".getBytes(StandardCharsets.UTF_8), "text/plain", 1000)).isEmpty();
        assertThat(PlainText.read("x".getBytes(StandardCharsets.UTF_8), "text/plain; charset=no-such-charset", 1000)).isEmpty();
        assertThat(PlainText.read("<p>x</p>".getBytes(StandardCharsets.UTF_8), "text/html", 1000)).isEmpty();
        assertThat(PlainText.read("x".getBytes(StandardCharsets.UTF_8), "not a content type", 1000)).isEmpty();
    }
}
