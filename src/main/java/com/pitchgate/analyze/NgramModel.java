package com.pitchgate.analyze;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * OpenNLP's language model (a maximum-entropy model over the character 1- to 3-grams of a text),
 * evaluated on the n-grams of a text where they stand, without making a string of each. Collecting
 * the distinct n-grams as strings and looking each up in the model's map was most of the cost of
 * detecting a language, itself a fifth of the cost of screening (see README, Benchmarks). Each
 * n-gram is packed in a long, its length and its one to three chars, and looked up in a table of the
 * model's n-grams built once; each counts once, as in OpenNLP. The probabilities are those of
 * {@link GISModel#eval}: a uniform prior, the parameters of the n-grams found summed per language,
 * then exponentiated and normalised. Only the order of the additions differs (OpenNLP's follows a hash
 * set's), so a probability may differ in its last bits.
 */
final class NgramModel {

    static final int MAX_LENGTH = 3;

    private final int outcomes;
    private final Context[] parameters;
    /** Open addressing: the packed n-grams, and at the same place the index of their parameters. */
    private final long[] keys;
    private final int[] indexes;
    private final int mask;

    private NgramModel(int outcomes, Map<String, Context> byNgram) {
        this.outcomes = outcomes;
        int capacity = Integer.highestOneBit(Math.max(byNgram.size(), 1) * 2) * 2;
        this.keys = new long[capacity];
        this.indexes = new int[capacity];
        this.mask = capacity - 1;
        this.parameters = new Context[byNgram.size()];
        int next = 0;
        for (Map.Entry<String, Context> entry : byNgram.entrySet()) {
            String ngram = entry.getKey();
            if (ngram.isEmpty() || ngram.length() > MAX_LENGTH) {
                continue; // never a feature of a text here
            }
            parameters[next] = entry.getValue();
            put(pack(ngram, 0, ngram.length()), next++);
        }
    }

    /** The model in this form, or empty when it is not a GIS model (whose evaluation is the one reproduced here). */
    @SuppressWarnings("unchecked")
    static Optional<NgramModel> of(MaxentModel model) {
        if (model.getClass() != GISModel.class) {
            return Optional.empty();
        }
        Object[] structures = ((AbstractModel) model).getDataStructures();
        return Optional.of(new NgramModel(model.getNumOutcomes(), (Map<String, Context>) structures[1]));
    }

    /** The probability of each outcome (by the model's index) for a text already normalised and lower-cased. */
    double[] probabilities(String text) {
        double[] sums = new double[outcomes];
        Arrays.fill(sums, StrictMath.log(1.0 / outcomes)); // OpenNLP's UniformPrior
        long[] counted = new long[(parameters.length + 63) / 64];
        int length = text.length();
        for (int ngram = 1; ngram <= MAX_LENGTH; ngram++) {
            for (int start = 0; start + ngram <= length; start++) {
                int index = indexOf(pack(text, start, ngram));
                if (index < 0 || (counted[index >>> 6] & (1L << index)) != 0) {
                    continue;
                }
                counted[index >>> 6] |= 1L << index;
                Context context = parameters[index];
                int[] outcomeIds = context.getOutcomes();
                double[] weights = context.getParameters();
                for (int k = 0; k < outcomeIds.length; k++) {
                    sums[outcomeIds[k]] += weights[k];
                }
            }
        }
        double normal = 0.0;
        for (int outcome = 0; outcome < outcomes; outcome++) {
            sums[outcome] = StrictMath.exp(sums[outcome]);
            normal += sums[outcome];
        }
        for (int outcome = 0; outcome < outcomes; outcome++) {
            sums[outcome] /= normal;
        }
        return sums;
    }

    private static long pack(CharSequence text, int start, int length) {
        long key = length;
        for (int i = 0; i < length; i++) {
            key = key << 16 | text.charAt(start + i);
        }
        return key; // the length in the top bits tells "a" from "\0a"; never 0, the empty slot
    }

    private static int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ mixed >>> 29);
    }

    private void put(long key, int index) {
        int slot = slot(key) & mask;
        while (keys[slot] != 0) {
            slot = slot + 1 & mask;
        }
        keys[slot] = key;
        indexes[slot] = index;
    }

    private int indexOf(long key) {
        int slot = slot(key) & mask;
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return indexes[slot];
            }
            slot = slot + 1 & mask;
        }
        return -1;
    }
}
