package com.pitchgate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.extract.TikaTextExtractor;
import com.pitchgate.ingest.InvalidPitchException;
import com.pitchgate.ingest.RawMessageCheck;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;

/**
 * Fuzzes the raw-message intake: what {@code POST /api/messages}, SMTP and IMAP do with the bytes of
 * a message. A message is either refused by {@link RawMessageCheck} with an {@link InvalidPitchException}
 * (a 400) or read by {@link MailExtractor} without an exception and within the time budget. Any
 * other exception, a hang or an OutOfMemoryError is a finding.
 *
 * <p>A normal test run replays the seeds under {@code MimeIntakeFuzzTestInputs/}; fuzz with
 * {@code JAZZER_FUZZ=1 mvn -B test -Dtest=MimeIntakeFuzzTest} (see docs/reliability.md).
 */
class MimeIntakeFuzzTest {

    static final long BUDGET_MILLIS = 2_000;
    private static final TikaTextExtractor TIKA = new TikaTextExtractor(50_000, 2);
    private static final MailExtractor EXTRACTOR = new MailExtractor(TIKA, limits());

    static ExtractionConfig limits() {
        ExtractionConfig limits = new ExtractionConfig();
        limits.setMaxAttachmentSize(DataSize.mebibytes(1));
        limits.setMaxTextChars(50_000);
        limits.setMaxDepth(8);
        limits.setTimeout(Duration.milliseconds(BUDGET_MILLIS));
        return limits;
    }

    @FuzzTest(maxDuration = "5m")
    void rawMessage(byte[] raw) {
        try {
            RawMessageCheck.check(raw);
        } catch (InvalidPitchException refused) {
            return; // a 400 naming the problem
        }
        long start = System.nanoTime();
        ExtractedPitch pitch;
        try {
            pitch = EXTRACTOR.extract(raw);
        } catch (IllegalArgumentException notAMessage) {
            // Documented: a message the check let through but whose headers Jakarta Mail cannot parse after
            // all. The screener turns it into a decision with the reason; it must still say why.
            if (notAMessage.getMessage() == null || !notAMessage.getMessage().startsWith("not an RFC 822 message")) {
                throw notAMessage;
            }
            return;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > BUDGET_MILLIS + 3_000) {
            throw new IllegalStateException("extraction took " + millis + " ms, over its " + BUDGET_MILLIS + " ms budget");
        }
        if (pitch.sender() == null || pitch.body() == null || pitch.subject() == null) {
            throw new IllegalStateException("extraction returned an incomplete pitch: " + pitch);
        }
    }
}
