package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntermediaryFinderTest {

    private final IntermediaryFinder finder = new IntermediaryFinder();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hello, Marie Dupont suggested I contact you about our desks.|Marie Dupont",
            "Marie suggested that I should reach out to you.|Marie",
            "I was referred to you by Tom Hale, who works at your space.|Tom Hale",
            "I am writing on behalf of Jean-Luc Picard.|Jean-Luc Picard",
            "Yesterday Marie told me to get in touch.|Marie",
            "Paul Girard gave me your email address.|Paul Girard",
            "At the suggestion of Anna van Dijk, I am writing to you.|Anna van Dijk",
            "Bonjour, je vous écris de la part de Tom Hale.|Tom Hale",
            "Marie m'a conseillé de vous écrire au sujet de nos chaises.|Marie",
            "Léa Bernard m’a recommandé de vous contacter.|Léa Bernard",
            "Sur les conseils de Paul, je me permets de vous écrire.|Paul",
            "J'ai été recommandée par Sophie Martin.|Sophie Martin",
            "Hier Paul m'a donné vos coordonnées.|Paul",
    })
    void findsTheNamedIntermediary(String text, String name) {
        assertThat(finder.find(text)).containsExactly(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "We suggest you contact our sales team.",
            "She suggested I contact you.",
            "Je vous propose un appel de la part de notre équipe commerciale.",
            "Our platform helps coworking spaces grow.",
            "marie suggested i contact you",
    })
    void findsNobodyWhenNoPersonIsNamed(String text) {
        assertThat(finder.find(text)).isEmpty();
    }
}
