package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KindClassifierTest {

    /**
     * The classifier weighs the words of a message itself ({@link KindModel}) rather than through
     * OpenNLP's categoriser and its feature strings: the same probabilities, to the last bit, for every
     * shipped text, those texts with a subject, cut, quoted, shuffled into new pairs, and texts with
     * every mark of form.
     */
    @Test
    void weighsAsOpenNlpsCategoriserToTheLastBit() {
        KindClassifier classifier = KindClassifier.shipped();
        List<String> texts = new ArrayList<>(KindClassifier.shippedTexts());
        texts.addAll(List.of("", "?", "Bonjour,\n> vous avez écrit\nÇA MARCHE TRÈS BIEN MERCI BEAUCOUP",
                "SAVE NOW!!! FREE OFFER http://a.example/x www.b.example WWW.C.EXAMPLE https://d.example $10 20 € 30eur 5 usd",
                "Hi {first_name}, [Company Name] %FIRSTNAME% *|FNAME|* {{ name }} write to me@example.org or x.y+z@a-b.example.fr",
                "l'espace d'été à Paris ; naïve café über straße ΟΔΥΣΣΕΥΣ 日本語 привет",
                "a".repeat(40) + " word " + "b".repeat(31)));
        Random random = new Random(23);
        List<String> words = texts.stream().flatMap(text -> List.of(text.split("\\s+")).stream()).distinct().toList();
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(120); i >= 0; i--) {
                text.append(words.get(random.nextInt(words.size()))).append(random.nextInt(9) == 0 ? "\n" : " ");
            }
            texts.add(text.toString());
        }
        // Random characters: Latin-1 (lower-cased as read), Latin Extended-A, Greek (lower-cased as a whole).
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            int alphabet = round % 3 == 0 ? 256 : round % 3 == 1 ? 0x180 : 0x400;
            for (int i = random.nextInt(round % 100 == 0 ? 5_000 : 200); i >= 0; i--) {
                text.append(random.nextInt(3) == 0 ? words.get(random.nextInt(words.size())) : String.valueOf((char) random.nextInt(alphabet)));
            }
            texts.add(text.toString());
        }
        int checked = 0;
        for (String text : texts) {
            for (String subject : List.of("", "Re: " + text.substring(0, Math.min(text.length(), 30)))) {
                assertThat(classifier.probabilities(subject, text)).as(subject + "|" + text)
                        .containsExactly(classifier.categorizedByOpenNlp(subject, text));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(16_000);
    }

    /** Held-out accuracy by five-fold cross-validation over the shipped corpus, per kind. */
    @Test
    void crossValidatedAccuracyOnTheShippedCorpus() {
        List<KindClassifier.Example> examples = new ArrayList<>(KindClassifier.shippedExamples());
        Collections.shuffle(examples, new Random(7));
        int folds = 5;
        // Each fold trains a model of its own: they run side by side (a model trains on one thread).
        List<List<String[]>> outcomes = IntStream.range(0, folds).parallel().mapToObj(fold -> {
            List<KindClassifier.Example> training = new ArrayList<>();
            List<KindClassifier.Example> testing = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (i % folds == fold ? testing : training).add(examples.get(i));
            }
            KindClassifier classifier = KindClassifier.trainedOn(training);
            return testing.stream().map(example -> new String[] {example.kind(), classifier.classify("", example.text()).best()})
                    .toList();
        }).toList();
        Map<String, int[]> byKind = new TreeMap<>();
        Map<String, Integer> confusions = new TreeMap<>();
        int correct = 0;
        for (List<String[]> fold : outcomes) {
            for (String[] outcome : fold) {
                int[] counts = byKind.computeIfAbsent(outcome[0], k -> new int[2]);
                counts[1]++;
                if (outcome[0].equals(outcome[1])) {
                    counts[0]++;
                    correct++;
                } else {
                    confusions.merge(outcome[0] + "->" + outcome[1], 1, Integer::sum);
                }
            }
        }
        double accuracy = correct / (double) examples.size();
        System.out.printf("kinds: %d examples, cross-validated accuracy %.3f%n", examples.size(), accuracy);
        byKind.forEach((kind, counts) -> System.out.printf("  %-15s %.3f (%d)%n", kind, counts[0] / (double) counts[1], counts[1]));
        System.out.println("  confusions " + confusions);
        assertThat(accuracy).isGreaterThan(0.80);
    }
}
