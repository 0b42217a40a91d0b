package com.pitchgate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.Mails;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import java.util.Map;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TikaTextExtractorTest {

    private final TikaTextExtractor extractor = new TikaTextExtractor(10_000, 1);

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void aPdfIsReadAsOneWhateverItsNameAndDeclaredType() throws Exception {
        ExtractedText text = extractor.extract(Mails.pdf("Ledgerly invoices your members"), "application/msword", "offer.docx",
                Deadline.in(Duration.ofSeconds(30)));
        assertThat(text.mediaType()).isEqualTo("application/pdf");
        assertThat(text.text()).contains("Ledgerly invoices your members");
    }

    @Test
    void otherDocumentsAreStillDetectedByTheirContent() throws Exception {
        ExtractedText docx = extractor.extract(Mails.docx("A desk for three months"), "application/octet-stream", "scan.pdf",
                Deadline.in(Duration.ofSeconds(30)));
        assertThat(docx.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.text()).contains("A desk for three months");
    }

    @Test
    void theDetectorLeavesTheStreamWhereItWas() throws Exception {
        Detector detector = new SignatureFirstDetector(new AutoDetectParser().getDetector());
        InputStream pdf = new ByteArrayInputStream(Mails.pdf("x"));
        assertThat(detector.detect(pdf, new Metadata())).isEqualTo(MediaType.application("pdf"));
        assertThat(new String(pdf.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        InputStream almost = new ByteArrayInputStream("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(detector.detect(almost, new Metadata())).isNotEqualTo(MediaType.application("pdf"));
        assertThat(almost.readAllBytes()).hasSize(4);
        assertThat(detector.detect(null, new Metadata())).isEqualTo(MediaType.OCTET_STREAM);
    }

    @Test
    void theParserMapMadeOnceLeadsEachTypeToTheParserTikaPicksForEachDocument() {
        ParseContext context = TikaTextExtractor.context();
        Map<MediaType, Parser> fixed = new FixedMapAutoDetectParser(context).getParsers(new ParseContext());
        Map<MediaType, Parser> tikas = new AutoDetectParser().getParsers(context);
        assertThat(fixed.keySet()).isEqualTo(tikas.keySet()).hasSizeGreaterThan(20);
        fixed.forEach((type, parser) -> {
            Parser tikasChoice = tikas.get(type) instanceof CompositeParser composite
                    ? composite.getParsers(context).get(type) : tikas.get(type);
            assertThat(parser.getClass()).as(type.toString()).isEqualTo(tikasChoice.getClass());
        });
        assertThat(fixed.get(MediaType.application("pdf")).getClass().getSimpleName()).isEqualTo("PDFParser");
        assertThat(fixed.get(MediaType.text("html")).getClass().getSimpleName()).isEqualTo("JSoupParser");
    }
}
