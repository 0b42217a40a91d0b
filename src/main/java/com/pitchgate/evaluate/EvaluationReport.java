package com.pitchgate.evaluate;

import com.pitchgate.policy.Reason;
import com.pitchgate.spi.Queue;
import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * An evaluation written for a person: the confusion matrix (expected × actual), each queue's
 * precision and recall, the accuracy, the rate of genuine inquiries declined, and the misrouted
 * pitches with the reason that decided each.
 */
public final class EvaluationReport {

    private static final String ROW = "%-16s";
    private static final String CELL = "%16s";

    private EvaluationReport() {
    }

    public static void print(Evaluation evaluation, double maxDeclinedInquiryRate, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, ROW, "expected \\ actual");
        for (Queue actual : Queue.values()) {
            out.printf(Locale.ROOT, CELL, actual.id());
        }
        out.printf(Locale.ROOT, CELL + "%n", "total");
        for (Queue expected : Queue.values()) {
            out.printf(Locale.ROOT, ROW, expected.id());
            long total = 0;
            for (Queue actual : Queue.values()) {
                long count = evaluation.count(expected, actual);
                total += count;
                out.printf(Locale.ROOT, CELL, count);
            }
            out.printf(Locale.ROOT, CELL + "%n", total);
        }
        out.println();
        out.printf(Locale.ROOT, ROW + CELL + CELL + "%n", "queue", "precision", "recall");
        for (Queue queue : Queue.values()) {
            out.printf(Locale.ROOT, ROW + CELL + CELL + "%n", queue.id(), figure(evaluation.precision(queue)),
                    figure(evaluation.recall(queue)));
        }
        out.println();
        out.printf(Locale.ROOT, "accuracy %.3f (%d of %d)%n", evaluation.accuracy(), evaluation.correct(), evaluation.size());
        long inquiries = evaluation.genuineInquiries();
        double rate = evaluation.declinedInquiryRate();
        out.printf(Locale.ROOT, "genuine inquiries sent to auto_decline: %.3f (%d of %d), bound %.3f: %s%n", rate,
                evaluation.declinedInquiries().size(), inquiries, maxDeclinedInquiryRate,
                rate > maxDeclinedInquiryRate ? "ABOVE THE BOUND" : "within");
        if (inquiries == 0) {
            out.println("  (no example is marked as a genuine inquiry: mark them with X-Pitchgate-Genuine-Inquiry: yes"
                    + " or \"genuineInquiry\": true)");
        }
        if (!evaluation.misrouted().isEmpty()) {
            out.println();
            out.println("misrouted:");
            for (Evaluation.Result result : evaluation.misrouted()) {
                out.printf(Locale.ROOT, "  %s: expected %s, got %s (%s)%s%n", result.example().file(),
                        result.example().expected(), result.actual(), decisive(result),
                        result.example().genuineInquiry() ? " [genuine inquiry]" : "");
            }
        }
    }

    private static String decisive(Evaluation.Result result) {
        return result.decision().reasons().stream().filter(Reason::decisive).findFirst()
                .map(r -> r.policy() + "/" + r.signal() + ": " + r.detail()).orElse("no decisive reason");
    }

    private static String figure(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "n/a";
    }
}
