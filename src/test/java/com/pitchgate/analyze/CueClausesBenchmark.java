package com.pitchgate.analyze;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runs of a text and where the intermediary cues' words occur in it ({@link CueClauses#of}), on
 * 40 of the shipped example messages end to end (about the length of a long pitch, no introduction),
 * then the runs holding the words of every cue. Run with {@code bench/jmh.sh CueClausesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CueClausesBenchmark {

    private String text;

    @Setup
    public void setUp() {
        text = String.join("\n", KindClassifier.shippedTexts().subList(0, 40));
    }

    @Benchmark
    public int cueClausesOfMessages() {
        CueClauses clauses = CueClauses.of(text, IntermediaryFinder.CUE_WORDS);
        int runs = 0;
        for (List<String> words : List.of(List.of("suggested", "recommended"), List.of("vous", "votre"), List.of("dit"))) {
            runs += clauses.holdingOneOfEach(List.of(words)).size();
        }
        return runs;
    }
}
