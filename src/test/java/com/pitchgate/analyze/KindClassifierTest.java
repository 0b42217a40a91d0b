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
