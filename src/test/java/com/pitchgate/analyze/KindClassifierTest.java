package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.MessageKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KindClassifierTest {

    /** Held-out accuracy by five-fold cross-validation over the shipped corpus, per kind. */
    @Test
    void crossValidatedAccuracyOnTheShippedCorpus() {
        List<KindClassifier.Example> examples = new ArrayList<>(KindClassifier.shippedExamples());
        Collections.shuffle(examples, new Random(7));
        int folds = 5;
        Map<String, int[]> byKind = new TreeMap<>();
        Map<String, Integer> confusions = new TreeMap<>();
        int correct = 0;
        for (int fold = 0; fold < folds; fold++) {
            List<KindClassifier.Example> training = new ArrayList<>();
            List<KindClassifier.Example> testing = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (i % folds == fold ? testing : training).add(examples.get(i));
            }
            KindClassifier classifier = KindClassifier.trainedOn(training);
            for (KindClassifier.Example example : testing) {
                MessageKind kind = classifier.classify("", example.text());
                int[] counts = byKind.computeIfAbsent(example.kind(), k -> new int[2]);
                counts[1]++;
                if (kind.is(example.kind())) {
                    counts[0]++;
                    correct++;
                } else {
                    confusions.merge(example.kind() + "->" + kind.best(), 1, Integer::sum);
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
