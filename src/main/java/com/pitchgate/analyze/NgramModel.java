package com.pitchgate.analyze;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * OpenNLP's language model (a maximum-entropy model over the character 1- to 3-grams of a text),
 * evaluated on the n-grams of a text where they stand, without making a string of each. Collecting
 * the distinct n-grams as strings and looking each up in the model's map (a string, a map entry, a
 * context and two arrays for each, all over the heap) was most of the cost of detecting a language,
 * itself a fifth of the cost of screening (see docs/benchmarks.md).
 *
 * <p>Here an n-gram is packed in a long (its length and its one to three chars) and looked up in one
 * open-addressing table built once, which gives where its weights lie in two flat arrays. An n-gram
 * weighed for at least half of the languages (7,300 of them, the common ones of Latin-script text)
 * has instead a row with a weight for every language, 0 for those it is not weighed for: added in a
 * plain loop the CPU does several at a time, rather than one scattered add per language. Adding 0
 * leaves a sum as it is, so the result is the same. The 146,000 n-grams of the model take 16 MB
 * this way; OpenNLP's map of them is not kept.
 * The probabilities are those of {@link GISModel#eval}: a uniform prior, the weights of each distinct
 * n-gram found added per language, then exponentiated and normalised. Only the order of the additions
 * differs (OpenNLP's follows a hash set's), so a probability may differ in its last bits.
 */
final class NgramModel {

    static final int MAX_LENGTH = 3;
    /** The bits of a table entry that count the n-gram's weights; the others say where they start. */
    private static final int COUNT_BITS = 8;
    private static final int MAX_OUTCOMES = 1 << COUNT_BITS;

    private final String[] outcomes;
    /**
     * Two longs a slot, side by side so that one read from memory brings both: the packed n-gram (0
     * where the slot is free), then where its weights start in {@link #outcomeIds} and {@link #weights},
     * and how many there are.
     */
    private final long[] table;
    private final byte[] outcomeIds;
    private final double[] weights;
    /** The rows of the n-grams weighed for many languages, one after the other, a weight per language. */
    private final double[] rows;
    private final int mask;
    private static final int ASCII = 128;
    /**
     * The slot of each n-gram of one or two ASCII chars (-1 where the model does not know it), read by
     * the chars themselves: two thirds of the n-grams of Latin-script text, each of which was hashed and
     * looked for in the 4 MB table, a read from memory each.
     */
    private final int[] asciiSlots = new int[ASCII + ASCII * ASCII];

    /** {@code rowFrom}: an n-gram weighed for at least this many languages has a row of its own. */
    private NgramModel(String[] outcomes, Map<String, Context> byNgram, int rowFrom) {
        this.outcomes = outcomes;
        // A power of two over 4/3 of the n-grams: at most three quarters full (262,144 slots for this model).
        int capacity = Integer.highestOneBit(Math.max(byNgram.size(), 1) * 4 / 3) * 2;
        this.table = new long[2 * capacity];
        this.mask = capacity - 1;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(capacity / 64 + 1));
        int total = byNgram.values().stream().mapToInt(context -> context.getOutcomes().length).filter(n -> n < rowFrom).sum();
        long rowCount = byNgram.values().stream().filter(context -> context.getOutcomes().length >= rowFrom).count();
        this.outcomeIds = new byte[total];
        this.weights = new double[total];
        this.rows = new double[Math.toIntExact(rowCount * outcomes.length)];
        int next = 0;
        int nextRow = 0;
        for (Map.Entry<String, Context> entry : byNgram.entrySet()) {
            String ngram = entry.getKey();
            if (ngram.isEmpty() || ngram.length() > MAX_LENGTH) {
                continue; // never a feature of a text here
            }
            int[] ids = entry.getValue().getOutcomes();
            double[] values = entry.getValue().getParameters();
            if (ids.length >= rowFrom) {
                for (int k = 0; k < ids.length; k++) {
                    rows[nextRow + ids[k]] = values[k];
                }
                put(pack(ngram, 0, ngram.length()), ~(long) nextRow);
                nextRow += outcomes.length;
                continue;
            }
            for (int k = 0; k < ids.length; k++) {
                outcomeIds[next + k] = (byte) ids[k];
                weights[next + k] = values[k];
            }
            put(pack(ngram, 0, ngram.length()), next << COUNT_BITS | ids.length);
            next += ids.length;
        }
        for (char first = 0; first < ASCII; first++) {
            asciiSlots[first] = hashedSlotAt(new char[] {first}, 0, 1);
            for (char second = 0; second < ASCII; second++) {
                asciiSlots[ASCII + (first << 7 | second)] = hashedSlotAt(new char[] {first, second}, 0, 2);
            }
        }
    }

    /** The model in this form; only a GIS model's evaluation is reproduced here, and up to 256 languages. */
    static NgramModel of(MaxentModel model) {
        return of(model, (model.getNumOutcomes() + 1) / 2);
    }

    /** With rows for the n-grams weighed for at least {@code rowFrom} languages (tests compare thresholds). */
    @SuppressWarnings("unchecked")
    static NgramModel of(MaxentModel model, int rowFrom) {
        if (model.getClass() != GISModel.class || model.getNumOutcomes() >= MAX_OUTCOMES) {
            throw new IllegalArgumentException("not a GIS model of up to " + (MAX_OUTCOMES - 1) + " outcomes: " + model);
        }
        Object[] structures = ((AbstractModel) model).getDataStructures();
        String[] outcomes = new String[model.getNumOutcomes()];
        Arrays.setAll(outcomes, model::getOutcome);
        return new NgramModel(outcomes, (Map<String, Context>) structures[1], Math.max(rowFrom, 1));
    }

    String outcome(int index) {
        return outcomes[index];
    }

    /** The probability of each outcome (by {@link #outcome} index) for a text already normalised and lower-cased. */
    double[] probabilities(String text) {
        return probabilities(text, true);
    }

    /** As {@link #probabilities(String)}, adding each row on its own: for tests of the blocked addition. */
    double[] probabilitiesRowByRow(String text) {
        return probabilities(text, false);
    }

    /**
     * The weights of each distinct n-gram are added in the order the n-grams first occur (all 1-grams,
     * then 2-grams, then 3-grams). Rows that follow one another are added together a block of
     * {@link #BLOCK} languages at a time, each language's sum held in a local through all of them: added
     * one row at a time, each addition read and wrote the sum in memory, which made that loop an eighth
     * of the cost of screening with C1's code. Each language's sum still takes the same weights in the
     * same order, so the result is the same to the last bit.
     */
    private double[] probabilities(String text, boolean blocked) {
        double[] sums = new double[outcomes.length];
        Arrays.fill(sums, StrictMath.log(1.0 / outcomes.length)); // OpenNLP's UniformPrior
        Scratch scratch = this.scratch.get();
        int length = text.length();
        scratch.fit(length, table.length / 2);
        long[] counted = scratch.counted;
        int[] countedSlots = scratch.countedSlots;
        int countedCount = 0;
        // Read from an array: String.charAt checks its index and its coder on every call.
        char[] chars = scratch.chars;
        text.getChars(0, length, chars, 0);
        // Where the rows of the n-grams met since the last one without a row start, not yet added.
        int[] pending = scratch.pending;
        int pendingCount = 0;
        try {
            for (int ngram = 1; ngram <= MAX_LENGTH; ngram++) {
                for (int start = 0; start + ngram <= length; start++) {
                    int slot = slotAt(chars, start, ngram);
                    if (slot < 0 || (counted[slot >>> 6] & 1L << slot) != 0) {
                        continue;
                    }
                    counted[slot >>> 6] |= 1L << slot;
                    countedSlots[countedCount++] = slot;
                    long where = table[2 * slot + 1];
                    if (where < 0) {
                        pending[pendingCount++] = (int) ~where;
                        continue;
                    }
                    pendingCount = addRows(pending, pendingCount, sums, blocked);
                    int entry = (int) where;
                    int from = entry >>> COUNT_BITS;
                    int to = from + (entry & MAX_OUTCOMES - 1);
                    for (int k = from; k < to; k++) {
                        sums[outcomeIds[k] & 0xFF] += weights[k];
                    }
                }
            }
        } finally {
            for (int i = 0; i < countedCount; i++) {
                counted[countedSlots[i] >>> 6] = 0;
            }
        }
        addRows(pending, pendingCount, sums, blocked);
        return Softmax.inPlace(sums);
    }

    /**
     * What one thread's evaluations reuse: a 32 KB bit set of the slots counted, the text's chars, and
     * where rows start. Allocated and zeroed for each text, they were 46 KB a sample of 1,000 chars
     * (LanguageBenchmarks.probabilities: 42 KB allocated a text before, under 1 KB after); the bit set
     * is now cleared only in the words where bits were set, from the slots noted as they are counted.
     */
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final long[] counted;
        char[] chars = new char[0];
        /** The slots set in {@link #counted}, to clear them after. */
        int[] countedSlots = new int[0];
        int[] pending = new int[0];

        Scratch(int countedWords) {
            this.counted = new long[countedWords];
        }

        /** Room for a text of {@code length} chars, with at most {@code slots} distinct n-grams. */
        void fit(int length, int slots) {
            if (chars.length < length) {
                chars = new char[Math.max(length, 2 * chars.length)];
            }
            int ngrams = (int) Math.min(MAX_LENGTH * (long) length, slots) + 1;
            if (pending.length < ngrams) {
                pending = new int[(int) Math.min(Math.max(ngrams, 2L * pending.length), slots + 1L)];
                countedSlots = new int[pending.length];
            }
        }
    }

    /** Languages whose sums are held in locals while a run of rows is added. */
    static final int BLOCK = 8;

    /** Adds the rows starting at {@code starts[0..count)}, in that order, to every language's sum; returns 0. */
    private int addRows(int[] starts, int count, double[] sums, boolean blocked) {
        if (!blocked) {
            for (int i = 0; i < count; i++) {
                int row = starts[i];
                for (int outcome = 0; outcome < sums.length; outcome++) {
                    sums[outcome] += rows[row + outcome];
                }
            }
            return 0;
        }
        double[] rows = this.rows;
        int outcome = 0;
        for (; outcome + BLOCK <= sums.length; outcome += BLOCK) {
            double s0 = sums[outcome];
            double s1 = sums[outcome + 1];
            double s2 = sums[outcome + 2];
            double s3 = sums[outcome + 3];
            double s4 = sums[outcome + 4];
            double s5 = sums[outcome + 5];
            double s6 = sums[outcome + 6];
            double s7 = sums[outcome + 7];
            for (int i = 0; i < count; i++) {
                int at = starts[i] + outcome;
                s0 += rows[at];
                s1 += rows[at + 1];
                s2 += rows[at + 2];
                s3 += rows[at + 3];
                s4 += rows[at + 4];
                s5 += rows[at + 5];
                s6 += rows[at + 6];
                s7 += rows[at + 7];
            }
            sums[outcome] = s0;
            sums[outcome + 1] = s1;
            sums[outcome + 2] = s2;
            sums[outcome + 3] = s3;
            sums[outcome + 4] = s4;
            sums[outcome + 5] = s5;
            sums[outcome + 6] = s6;
            sums[outcome + 7] = s7;
        }
        for (; outcome < sums.length; outcome++) {
            double sum = sums[outcome];
            for (int i = 0; i < count; i++) {
                sum += rows[starts[i] + outcome];
            }
            sums[outcome] = sum;
        }
        return 0;
    }

    private static long pack(char[] text, int start, int length) {
        long key = length;
        for (int i = 0; i < length; i++) {
            key = key << 16 | text[start + i];
        }
        return key;
    }

    private static long pack(CharSequence text, int start, int length) {
        long key = length;
        for (int i = 0; i < length; i++) {
            key = key << 16 | text.charAt(start + i);
        }
        return key; // the length in the top bits tells "a" from "\0a"; never 0, the free slot
    }

    private static int hash(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ mixed >>> 29);
    }

    /** {@code entry}: where the n-gram's weights start and how many, or the complement of where its row starts. */
    private void put(long key, long entry) {
        int slot = hash(key) & mask;
        while (table[2 * slot] != 0) {
            slot = slot + 1 & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = entry;
    }

    /** The slot of the n-gram of {@code length} chars at {@code start}, or -1: read directly for one or two ASCII chars. */
    int slotAt(char[] text, int start, int length) {
        char first = text[start];
        if (length == 1 && first < ASCII) {
            return asciiSlots[first];
        }
        if (length == 2 && (first | text[start + 1]) < ASCII) {
            return asciiSlots[ASCII + (first << 7 | text[start + 1])];
        }
        return hashedSlotAt(text, start, length);
    }

    /** As {@link #slotAt}, always through the table. */
    int hashedSlotAt(char[] text, int start, int length) {
        return slotOf(pack(text, start, length));
    }

    /** The slot of this n-gram, or -1 when the model does not know it. */
    private int slotOf(long key) {
        int slot = hash(key) & mask;
        while (table[2 * slot] != 0) {
            if (table[2 * slot] == key) {
                return slot;
            }
            slot = slot + 1 & mask;
        }
        return -1;
    }
}
