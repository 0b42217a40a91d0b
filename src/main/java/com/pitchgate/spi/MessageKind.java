package com.pitchgate.spi;

import java.util.Map;
import java.util.Objects;

/**
 * What a message is, as the trained categoriser reads its words: above all, the direction of the
 * ask. A customer wants something from the recipient ({@link #INQUIRY}); a vendor wants to sell to
 * it ({@link #OFFER}); others write because someone sent them ({@link #INTRO}), to a list of
 * prospects ({@link #BULK}), to chase an unanswered pitch ({@link #BUMP}), or are not pitching at
 * all ({@link #CORRESPONDENCE}: replies, list discussion, receipts, notifications).
 *
 * @param best          the most probable kind, or {@link #UNKNOWN_KIND} when nothing was read
 * @param probabilities each kind's probability; they add up to 1 unless nothing was read
 */
public record MessageKind(String best, Map<String, Double> probabilities) {

    public static final String INQUIRY = "inquiry";
    public static final String OFFER = "offer";
    public static final String INTRO = "intro";
    public static final String BULK = "bulk";
    public static final String BUMP = "bump";
    public static final String CORRESPONDENCE = "correspondence";
    public static final String UNKNOWN_KIND = "unknown";

    /**
     * From this probability the categoriser's reading is taken as said (its best kind is then at least
     * as likely as all the others together); below it, a reading is only a leaning.
     */
    public static final double SURE = 0.5;

    /** Nothing was read: no kind is more likely than another. */
    public static final MessageKind UNKNOWN = new MessageKind(UNKNOWN_KIND, Map.of());

    public MessageKind {
        Objects.requireNonNull(best, "best");
        probabilities = probabilities == null ? Map.of() : Map.copyOf(probabilities);
    }

    /** The probability of one kind, 0 when it was not scored. */
    public double probability(String kind) {
        return probabilities.getOrDefault(kind, 0.0);
    }

    /** The probability of the most probable kind. */
    public double confidence() {
        return probability(best);
    }

    public boolean is(String kind) {
        return best.equals(kind);
    }

    /** Whether the message is of this kind with at least {@link #SURE} probability. */
    public boolean isSurely(String kind) {
        return is(kind) && confidence() >= SURE;
    }
}
