package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {

    private static LanguageIdentifier identifier;

    private static MaxentModel openNlp;

    @BeforeAll
    static void loadModel() {
        identifier = new LanguageIdentifier();
        openNlp = LanguageIdentifier.openNlpModel();
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

    /**
     * The model sees the n-grams OpenNLP's own detector would give it, and gives the same
     * probabilities, but for the order of the additions.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bonjour, je cherche un bureau pour deux personnes à partir de janvier. Quel est le tarif ?",
            "ÉTUDE: voir https://example.org/a?b=1 ou écrire à @lafabrique #coworking, 12 000 € 😀 ÇA VA",
            "Σ ΟΔΥΣΣΕΥΣ İstanbul straße   spaces\tand\ttabs",
            "a",
            "日本語のテキスト 𝐀𝐁𝐂 and \u0000 zero",
    })
    void givesTheProbabilitiesOpenNlpsDetectorWould(String text) {
        CharSequence[] theirFeatures = new LanguageDetectorFactory().getContextGenerator().getContext(text);
        String[] distinct = Arrays.stream(theirFeatures).map(Object::toString).distinct().toArray(String[]::new);
        float[] once = new float[distinct.length];
        Arrays.fill(once, 1f);
        double[] theirs = openNlp.eval(distinct, once);
        double[] ours = identifier.probabilities(text);
        assertThat(ours).hasSameSizeAs(theirs);
        for (int outcome = 0; outcome < theirs.length; outcome++) {
            assertThat(ours[outcome]).as(openNlp.getOutcome(outcome)).isCloseTo(theirs[outcome], within(1e-12));
        }
    }
}
