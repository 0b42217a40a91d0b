package com.pitchgate.evaluate;

import com.pitchgate.route.Decision;
import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Queue;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How the pipeline routed a labelled data set: each example with the decision it got, and the
 * figures that judge them.
 */
public record Evaluation(List<Result> results) {

    public Evaluation {
        results = List.copyOf(results);
    }

    /** One example, the decision the pipeline gave it, and what it read of it. */
    public record Result(LabeledExample example, Decision decision, MessageKind kind, String language) {

        public Result(LabeledExample example, Decision decision) {
            this(example, decision, MessageKind.UNKNOWN, "und");
        }

        public Queue actual() {
            return decision.queue();
        }

        public boolean correct() {
            return actual() == example.expected();
        }
    }

    public int size() {
        return results.size();
    }

    public long count(Queue expected, Queue actual) {
        return results.stream().filter(r -> r.example().expected() == expected && r.actual() == actual).count();
    }

    public long correct() {
        return results.stream().filter(Result::correct).count();
    }

    public double accuracy() {
        return results.isEmpty() ? 0 : (double) correct() / results.size();
    }

    /** Of the pitches sent to the queue, the share that belonged there; empty when none was sent there. */
    public OptionalDouble precision(Queue queue) {
        long sent = results.stream().filter(r -> r.actual() == queue).count();
        return sent == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count(queue, queue) / sent);
    }

    /** Of the pitches that belonged in the queue, the share sent there; empty when none belonged there. */
    public OptionalDouble recall(Queue queue) {
        long expected = results.stream().filter(r -> r.example().expected() == queue).count();
        return expected == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count(queue, queue) / expected);
    }

    public long genuineInquiries() {
        return results.stream().filter(r -> r.example().genuineInquiry()).count();
    }

    /** Genuine inquiries sent to auto_decline: each one a customer lost. */
    public List<Result> declinedInquiries() {
        return results.stream().filter(r -> r.example().genuineInquiry() && r.actual() == Queue.AUTO_DECLINE).toList();
    }

    /** The share of genuine inquiries sent to auto_decline; 0 when the set marks none. */
    public double declinedInquiryRate() {
        long inquiries = genuineInquiries();
        return inquiries == 0 ? 0 : (double) declinedInquiries().size() / inquiries;
    }

    /** The F1 of one queue: the harmonic mean of its precision and recall; 0 when either is 0 or unknown. */
    public double f1(Queue queue) {
        double precision = precision(queue).orElse(0);
        double recall = recall(queue).orElse(0);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** The mean F1 of the queues some example belongs to: each queue counts the same, however rare. */
    public double macroF1() {
        List<Queue> present = java.util.Arrays.stream(Queue.values())
                .filter(queue -> results.stream().anyMatch(r -> r.example().expected() == queue)).toList();
        return present.isEmpty() ? 0 : present.stream().mapToDouble(this::f1).average().orElse(0);
    }

    /** Pitches that came through someone known but were not forwarded: each an insult to that person. */
    public List<Result> knownIntrosNotForwarded() {
        return results.stream().filter(r -> r.example().knownIntro() && r.actual() != Queue.FORWARD).toList();
    }

    public long knownIntros() {
        return results.stream().filter(r -> r.example().knownIntro()).count();
    }

    /** Real mail that is not spam, declined; with or without list headers. */
    public List<Result> declinedHam(boolean withListHeaders) {
        return results.stream().filter(r -> r.example().ham() && r.actual() == Queue.AUTO_DECLINE
                && r.example().hasListHeaders() == withListHeaders).toList();
    }

    public long ham(boolean withListHeaders) {
        return results.stream().filter(r -> r.example().ham() && r.example().hasListHeaders() == withListHeaders).count();
    }

    public long spam() {
        return results.stream().filter(r -> r.example().spam()).count();
    }

    public long declinedSpam() {
        return results.stream().filter(r -> r.example().spam() && r.actual() == Queue.AUTO_DECLINE).count();
    }

    /** For each case label given in the set: how many examples, and how many were routed right. */
    public java.util.SortedMap<String, long[]> byCase() {
        java.util.SortedMap<String, long[]> cases = new java.util.TreeMap<>();
        for (Result result : results) {
            if (!result.example().label().isEmpty()) {
                long[] counts = cases.computeIfAbsent(result.example().label(), k -> new long[2]);
                counts[0]++;
                counts[1] += result.correct() ? 1 : 0;
            }
        }
        return cases;
    }

    public List<Result> misrouted() {
        return results.stream().filter(r -> !r.correct()).toList();
    }
}
