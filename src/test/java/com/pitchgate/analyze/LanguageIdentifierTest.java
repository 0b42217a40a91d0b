package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {

    private static LanguageIdentifier identifier;

    @BeforeAll
    static void loadModel() {
        identifier = new LanguageIdentifier();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bonjour, je cherche un bureau pour deux personnes à partir de janvier. Quel est le tarif ?|fr",
            "Hello, we are looking for a private office for two people from January. What are your rates?|en",
            "Bonjour, avez-vous une salle ?|fr",
            "Hi, do you have a room?|en",
            "Guten Tag, wir suchen ein Büro für zwei Personen ab Januar und würden gerne die Preise erfahren.|de",
            "Hola, buscamos una oficina para dos personas a partir de enero. ¿Cuál es el precio mensual?|es",
    })
    void identifiesTheLanguage(String text, String language) {
        assertThat(identifier.identify(text)).isEqualTo(language);
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '"})
    void saysUndeterminedForNoText(String text) {
        assertThat(identifier.identify(text)).isEqualTo("und");
    }

    /** The features are the ones OpenNLP's own detector would give the model, so its answers are kept. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bonjour, je cherche un bureau pour deux personnes à partir de janvier. Quel est le tarif ?",
            "ÉTUDE: voir https://example.org/a?b=1 ou écrire à @lafabrique #coworking, 12 000 € 😀 ÇA VA",
            "Σ ΟΔΥΣΣΕΥΣ İstanbul straße   spaces\tand\ttabs",
    })
    void givesTheModelTheFeaturesOpenNlpWould(String text) {
        CharSequence[] theirs = new LanguageDetectorFactory().getContextGenerator().getContext(text);
        Set<String> expected = Arrays.stream(theirs)
                .map(Object::toString).collect(Collectors.toSet());
        String[] ours = new LanguageIdentifier.DistinctNgrams().getContext(text);
        assertThat(ours).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }
}
