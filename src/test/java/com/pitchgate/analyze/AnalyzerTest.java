package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.extract.ExtractedAttachment;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.spi.Pitch.Address;
import com.pitchgate.support.Pitches;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The language of a pitch: told from the start of its text, attachments included when the body is short. */
class AnalyzerTest {

    private static final String ENGLISH = "We would like to rent a desk for our team of three from January, "
            + "and we would be glad to know your prices and what the membership includes. ";
    private static final String FRENCH = "Nous aimerions louer un bureau pour notre équipe de trois personnes à partir "
            + "de janvier, et nous serions heureux de connaître vos tarifs et ce que comprend l'abonnement. ";

    private static Analyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new Analyzer();
    }

    @Test
    void onlyTheStartOfALongTextTellsItsLanguage() {
        String englishStart = ENGLISH.repeat(LanguageIdentifier.SAMPLE_CHARS / ENGLISH.length() + 1);
        assertThat(language("Desk", englishStart + FRENCH.repeat(40), List.of())).isEqualTo("en");
        assertThat(language("Bureau", FRENCH.repeat(8) + ENGLISH.repeat(40), List.of())).isEqualTo("fr");
    }

    @Test
    void aShortBodyLetsTheAttachmentsTellTheLanguage() {
        String neither = "Ana Ruiz, Ledgerly, +33 6 12 34 56 78";
        assertThat(language("Ledgerly 2027", neither, List.of(attachment(FRENCH.repeat(5))))).isEqualTo("fr");
        assertThat(language("Ledgerly 2027", neither, List.of(attachment(ENGLISH.repeat(5))))).isEqualTo("en");
        // A body long enough speaks for itself.
        assertThat(language("Offer", ENGLISH.repeat(3), List.of(attachment(FRENCH.repeat(40))))).isEqualTo("en");
    }

    private static String language(String subject, String body, List<ExtractedAttachment> attachments) {
        ExtractedPitch extracted = new ExtractedPitch("email", new Address("ana@example.org", "Ana", "example.org"),
                Optional.empty(), Optional.empty(), subject, Optional.empty(), body, attachments, Map.of(), Set.of(), List.of());
        return analyzer.analyze(1, extracted, Pitches.space(List.of(), List.of())).language();
    }

    private static ExtractedAttachment attachment(String text) {
        return new ExtractedAttachment("offer.pdf", "application/pdf", text.length(), text, Optional.empty());
    }
}
