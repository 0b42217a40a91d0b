package com.pitchgate.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.ingest.IntakeService;
import com.pitchgate.spi.Queue;
import com.pitchgate.support.LabeledPitches;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading labelled pitches: where the expected queue comes from, and labels kept away from the pipeline. */
class LabeledSetTest {

    @Test
    void readsTheTestSetFromFoldersFilesAndHeaders() throws Exception {
        List<LabeledExample> training = LabeledPitches.read("train");
        List<LabeledExample> heldOut = LabeledPitches.read("heldout");

        assertThat(training).hasSize(36);
        assertThat(heldOut).hasSize(18);
        assertThat(training).extracting(LabeledExample::expected).contains(Queue.values());
        assertThat(training.stream().filter(LabeledExample::genuineInquiry)).hasSize(7)
                .allMatch(e -> e.expected() == Queue.FORWARD);
        LabeledExample mail = heldOut.stream().filter(e -> e.file().equals(Path.of("auto_decline/moss-walls-en.eml")))
                .findFirst().orElseThrow();
        assertThat(mail.channel()).isEqualTo(IntakeService.EMAIL);
        assertThat(mail.expected()).isEqualTo(Queue.AUTO_DECLINE);
        assertThat(new String(mail.raw(), StandardCharsets.UTF_8)).doesNotContain("X-Pitchgate").contains("Subject: Greener offices");
        LabeledExample form = training.stream().filter(e -> e.file().equals(Path.of("forward/hot-desk-en.json")))
                .findFirst().orElseThrow();
        assertThat(form.channel()).isEqualTo(IntakeService.FORM);
        assertThat(form.genuineInquiry()).isTrue();
        assertThat(new String(form.raw(), StandardCharsets.UTF_8)).doesNotContain("genuineInquiry").contains("hot desk");
    }

    @Test
    void labelHeadersAreTakenOutAndTheRestOfTheMessageIsKeptByteForByte() {
        String message = "From: Ann <ann@example.org>\r\n"
                + "X-Pitchgate-Expected-Queue:\r\n forward\r\n"
                + "Subject: Caf\u00e9 =?UTF-8?Q?cr=C3=A8me?=\r\n"
                + "x-pitchgate-genuine-inquiry: Yes\r\n"
                + "\r\n"
                + "X-Pitchgate-Expected-Queue: auto_decline is body text here\r\n";
        MailLabels.Split split = MailLabels.split(message.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(split.labels()).isEqualTo(Map.of("x-pitchgate-expected-queue", "forward",
                "x-pitchgate-genuine-inquiry", "Yes"));
        assertThat(new String(split.message(), StandardCharsets.ISO_8859_1)).isEqualTo("From: Ann <ann@example.org>\r\n"
                + "Subject: Caf\u00e9 =?UTF-8?Q?cr=C3=A8me?=\r\n"
                + "\r\n"
                + "X-Pitchgate-Expected-Queue: auto_decline is body text here\r\n");
    }
}
