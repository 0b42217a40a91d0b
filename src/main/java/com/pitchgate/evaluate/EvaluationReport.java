package com.pitchgate.evaluate;

import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Queue;
import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TreeMap;

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
        print(evaluation, maxDeclinedInquiryRate, false, out);
    }

    /** As {@link #print(Evaluation, double, PrintStream)}; with {@code allReasons}, each misrouted pitch's every reason. */
    public static void print(Evaluation evaluation, double maxDeclinedInquiryRate, boolean allReasons, PrintStream out) {
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
        out.printf(Locale.ROOT, ROW + CELL + CELL + CELL + "%n", "queue", "precision", "recall", "F1");
        for (Queue queue : Queue.values()) {
            out.printf(Locale.ROOT, ROW + CELL + CELL + CELL + "%n", queue.id(), figure(evaluation.precision(queue)),
                    figure(evaluation.recall(queue)), String.format(Locale.ROOT, "%.3f", evaluation.f1(queue)));
        }
        out.println();
        out.printf(Locale.ROOT, "macro-F1 %.3f%n", evaluation.macroF1());
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
        out.printf(Locale.ROOT, "known intros not forwarded: %d of %d%n", evaluation.knownIntrosNotForwarded().size(),
                evaluation.knownIntros());
        long hamWithLists = evaluation.ham(true);
        long hamWithout = evaluation.ham(false);
        if (hamWithLists + hamWithout > 0) {
            int declinedWith = evaluation.declinedHam(true).size();
            int declinedWithout = evaluation.declinedHam(false).size();
            out.printf(Locale.ROOT, "ham declined: %s (%d of %d); without list headers %s (%d of %d), with them %s (%d of %d)%n",
                    percent(declinedWith + declinedWithout, hamWithLists + hamWithout), declinedWith + declinedWithout,
                    hamWithLists + hamWithout, percent(declinedWithout, hamWithout), declinedWithout, hamWithout,
                    percent(declinedWith, hamWithLists), declinedWith, hamWithLists);
        }
        if (evaluation.spam() > 0) {
            out.printf(Locale.ROOT, "spam declined: %s (%d of %d)%n", percent(evaluation.declinedSpam(), evaluation.spam()),
                    evaluation.declinedSpam(), evaluation.spam());
        }
        if (!evaluation.byCase().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, ROW + CELL + CELL + "%n", "case", "routed right", "of");
            evaluation.byCase().forEach((label, counts) -> out.printf(Locale.ROOT, ROW + CELL + CELL + "%n", label,
                    counts[1], counts[0]));
        }
        if (!evaluation.misrouted().isEmpty()) {
            out.println();
            out.println("misrouted:");
            for (Evaluation.Result result : evaluation.misrouted()) {
                out.printf(Locale.ROOT, "  %s: expected %s, got %s (%s)%s%n", result.example().file(),
                        result.example().expected(), result.actual(), decisive(result),
                        result.example().genuineInquiry() ? " [genuine inquiry]"
                                : result.example().knownIntro() ? " [known intro]" : "");
                if (allReasons) {
                    result.decision().reasons().stream().filter(r -> !r.decisive()).forEach(r -> out.printf(Locale.ROOT,
                            "      %s/%s %+.1f: %s%n", r.policy(), r.signal(), r.weight(), r.detail()));
                }
            }
        }
    }

    private static String decisive(Evaluation.Result result) {
        return result.decision().reasons().stream().filter(Reason::decisive).findFirst()
                .map(r -> r.policy() + "/" + r.signal() + ": " + r.detail()).orElse("no decisive reason");
    }

    /**
     * One line per example, tab-separated, for analysis elsewhere: file, case, expected and actual
     * queue, score, fit to the space and to the closest member, the kind read and its probability,
     * the reason that decided, every other signal with its weight, the language read, and last every
     * figure unrounded with every reason's detail: two builds that screen alike write the same file.
     */
    public static void printDecisions(Evaluation evaluation, PrintStream out) {
        out.println("file\tcase\texpected\tactual\tscore\tspace_fit\tmember_fit\tkind\tkind_probability\tdecided_by\tsignals\tlanguage\texact");
        for (Evaluation.Result result : evaluation.results()) {
            Decision decision = result.decision();
            double member = decision.fit().members().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            String signals = decision.reasons().stream().filter(r -> !r.decisive())
                    .map(r -> r.policy() + "/" + r.signal() + String.format(Locale.ROOT, "%+.1f", r.weight()))
                    .collect(java.util.stream.Collectors.joining(" "));
            String decidedBy = decision.reasons().stream().filter(Reason::decisive).findFirst()
                    .map(r -> r.policy() + "/" + r.signal()).orElse("");
            // Maps sorted: their order is not what is compared.
            String exact = decision.score() + " " + decision.fit().space() + " " + new TreeMap<>(decision.fit().members())
                    + " " + new TreeMap<>(decision.fit().matches()) + " " + new TreeMap<>(result.kind().probabilities())
                    + " " + decision.targets() + " " + decision.reasons();
            out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%.2f\t%.3f\t%.3f\t%s\t%.2f\t%s\t%s\t%s\t%s%n", result.example().file(),
                    result.example().label(), result.example().expected().id(), result.actual().id(), decision.score(),
                    decision.fit().space(), member, result.kind().best(), result.kind().confidence(), decidedBy, signals,
                    result.language(), exact.replace('\t', ' ').replace('\n', ' '));
        }
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static String figure(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "n/a";
    }
}
