package com.pitchgate.analyze;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains the kind categoriser on the shipped corpora and writes the model where the jar's resources
 * are built ({@code process-classes} runs it, see pom.xml), so that a server starts by reading the
 * model rather than spending seconds training it.
 */
public final class KindModelBuilder {

    private KindModelBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: KindModelBuilder MODEL_FILE");
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        long start = System.nanoTime();
        KindClassifier classifier = KindClassifier.trainedOn(KindClassifier.shippedExamples());
        try (OutputStream out = Files.newOutputStream(file)) {
            classifier.write(out);
        }
        System.out.printf("message kinds: model trained in %d ms, written to %s%n", (System.nanoTime() - start) / 1_000_000, file);
    }
}
