package com.pitchgate.evaluate;

import com.pitchgate.route.Decision;
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

    /** One example and the decision the pipeline gave it. */
    public record Result(LabeledExample example, Decision decision) {
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

    public List<Result> misrouted() {
        return results.stream().filter(r -> !r.correct()).toList();
    }
}
