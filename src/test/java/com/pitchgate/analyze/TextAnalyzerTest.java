package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Test
    void stemsEnglishAndDropsFunctionWords() {
        assertThat(analyzer.stems("We are supplying the coffees", "en")).containsExactly("suppli", "coffe");
    }

    @Test
    void stemsFrenchFoldsAccentsAndSplitsElisions() {
        List<String> stems = analyzer.stems("L'entreprise de nettoyage livre des cafés", "fr");
        assertThat(stems).containsExactly("entrepris", "nettoyag", "livr", "caf");
    }

    @Test
    void sameWordWithAndWithoutAccentMeets() {
        assertThat(analyzer.stems("café", "fr")).isEqualTo(analyzer.stems("cafe", "fr"));
    }

    @Test
    void languagesWithoutStemmerAreOnlyTokenised() {
        assertThat(TextAnalyzer.canStem("ja")).isFalse();
        assertThat(analyzer.stems("Offices Rooms", "und")).containsExactly("offices", "rooms");
    }
}
