package com.pitchgate.analyze;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of detecting the language of 200 of the shipped labelled texts (each cut to the sample the
 * identifier reads), whole and by stage: {@code bench/jmh.sh LanguageBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LanguageBenchmarks {

    /** About this many of the shipped texts, spread over all of them. */
    private static final int SAMPLES = 200;

    private LanguageIdentifier identifier;
    private DetectorNormaliser normaliser;
    private NgramModel model;
    private List<String> samples;
    private List<String> normalised;

    @Setup(Level.Trial)
    public void setUp() {
        identifier = new LanguageIdentifier();
        normaliser = new DetectorNormaliser();
        model = NgramModel.of(LanguageIdentifier.openNlpModel());
        List<String> texts = KindClassifier.shippedTexts();
        samples = java.util.stream.IntStream.range(0, texts.size()).filter(i -> i % (texts.size() / SAMPLES) == 0).mapToObj(texts::get)
                .map(text -> text.length() > LanguageIdentifier.SAMPLE_CHARS ? text.substring(0, LanguageIdentifier.SAMPLE_CHARS) : text)
                .toList();
        normalised = samples.stream().map(normaliser::normalise).toList();
    }

    /** Every sample, in microseconds for all of them. */
    @Benchmark
    public int identify() {
        int hash = 0;
        for (String sample : samples) {
            hash += identifier.identify(sample).hashCode();
        }
        return hash;
    }

    @Benchmark
    public int normalise() {
        int length = 0;
        for (String sample : samples) {
            length += normaliser.normalise(sample).length();
        }
        return length;
    }

    @Benchmark
    public double probabilities() {
        double sum = 0;
        for (String text : normalised) {
            sum += model.probabilities(text)[0];
        }
        return sum;
    }
}
