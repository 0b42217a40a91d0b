package com.pitchgate.analyze;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The kind categoriser's model (OpenNLP's document categoriser: a maximum-entropy model over the
 * features of {@link KindFeatures}, each taken by its bag of words as {@code bow=feature}), evaluated
 * on the words of a message without making a string of each feature. Making the two feature strings
 * of each word, then OpenNLP's {@code bow=} string of each, and looking each up among the model's
 * 196,000 predicates by its whole text, was a quarter of the cost of screening a message.
 *
 * <p>Here each word the model knows has a number; a word's weights are found by that number, and a
 * pair's in a table keyed by the numbers of its two words. A pair with a word the model does not know
 * is not one of its predicates either. The weights lie in two flat arrays, as in {@link NgramModel}.
 * A word is looked up by its characters in the text read ({@link KindFeatures#wordIds}), compared with
 * the model's words kept side by side in one array: a string made for each word, hashed and compared,
 * and the text put in lower case by {@code toLowerCase}, were a third of classifying a message of
 * 4,000 characters under C1 (StageBenchmarks.classifyKind). The probabilities are those of {@link GISModel#eval}, to the
 * last bit: a uniform prior, then the weights of each distinct feature added in the order the
 * features first occur (the order of {@link KindFeatures#of}), exponentiated and normalised.
 */
final class KindModel {

    private static final String BAG_OF_WORDS = "bow=";
    private static final long FREE = -1;
    /** Where a feature's weights start in the flat arrays, and how many (the low eight bits); -1 for none. */
    private static final int COUNT_BITS = 8;
    private static final int NONE = -1;

    private final String[] outcomes;
    private final double uniformPrior;
    /** The weights of every feature, side by side: the outcome of each and its weight. */
    private final byte[] outcomeIds;
    private final double[] parameters;
    /** The marks of form and the length ({@code has=link}, {@code len=short}...) by name: where their weights are. */
    private final Map<String, Integer> marks = new HashMap<>();
    /**
     * Open addressing over each word of a word or pair feature, and {@link KindFeatures#START}: two ints
     * a slot, the word's hash and its number + 1 (0 where the slot is free). One read finds the number
     * of a word the model knows, where a map of strings took several.
     */
    private final int[] wordSlots;
    private final String[] wordsById;
    /** The characters of every word, side by side in the order of their numbers: word n is from {@code wordStarts[n]} to {@code wordStarts[n + 1]}. */
    private final char[] wordChars;
    private final int[] wordStarts;
    private final int wordMask;
    /** Where the weights of {@code w=word} are, by the word's number; {@link #NONE} where the model has none. */
    private final int[] wordWeights;
    /** Open addressing: two longs a slot, the pair (first's number, second's) packed, and where its weights are. */
    private final long[] pairSlots;
    private final int pairMask;

    @SuppressWarnings("unchecked")
    private KindModel(MaxentModel model) {
        if (model.getClass() != GISModel.class || model.getNumOutcomes() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("not a GIS model of up to " + Byte.MAX_VALUE + " outcomes: " + model);
        }
        this.outcomes = new String[model.getNumOutcomes()];
        Arrays.setAll(outcomes, model::getOutcome);
        this.uniformPrior = StrictMath.log(1.0 / outcomes.length); // OpenNLP's UniformPrior
        Map<String, Context> predicates = (Map<String, Context>) ((AbstractModel) model).getDataStructures()[1];
        int total = predicates.values().stream().mapToInt(context -> context.getOutcomes().length).sum();
        if (total >= 1 << Integer.SIZE - 1 - COUNT_BITS) {
            throw new IllegalArgumentException("too many weights for this form: " + total);
        }
        this.outcomeIds = new byte[total];
        this.parameters = new double[total];
        Map<String, Integer> ids = new LinkedHashMap<>();
        ids.put(KindFeatures.START, 0);
        Map<String, Integer> wordFeatures = new HashMap<>();
        List<PairFeature> pairFeatures = new ArrayList<>();
        int next = 0;
        for (Map.Entry<String, Context> predicate : predicates.entrySet()) {
            String name = predicate.getKey();
            int[] outcomeIdsOf = predicate.getValue().getOutcomes();
            if (!name.startsWith(BAG_OF_WORDS)) {
                continue; // no feature generator of this model makes it
            }
            double[] parametersOf = predicate.getValue().getParameters();
            for (int k = 0; k < outcomeIdsOf.length; k++) {
                outcomeIds[next + k] = (byte) outcomeIdsOf[k];
                parameters[next + k] = parametersOf[k];
            }
            int weights = next << COUNT_BITS | outcomeIdsOf.length;
            next += outcomeIdsOf.length;
            String feature = name.substring(BAG_OF_WORDS.length());
            if (feature.startsWith(KindFeatures.WORD)) {
                String word = feature.substring(KindFeatures.WORD.length());
                ids.putIfAbsent(word, ids.size());
                wordFeatures.put(word, weights);
            } else if (feature.startsWith(KindFeatures.PAIR)) {
                // Words are letters, never the joining '_': a pair splits in one place only.
                int join = feature.indexOf(KindFeatures.PAIR_JOIN, KindFeatures.PAIR.length());
                if (join < 0 || feature.indexOf(KindFeatures.PAIR_JOIN, join + 1) >= 0) {
                    continue; // not a pair of words: never made by the features
                }
                String first = feature.substring(KindFeatures.PAIR.length(), join);
                String second = feature.substring(join + 1);
                ids.putIfAbsent(first, ids.size());
                ids.putIfAbsent(second, ids.size());
                pairFeatures.add(new PairFeature(first, second, weights));
            } else {
                marks.put(feature, weights);
            }
        }
        this.wordsById = ids.keySet().toArray(String[]::new);
        this.wordStarts = new int[wordsById.length + 1];
        for (int id = 0; id < wordsById.length; id++) {
            wordStarts[id + 1] = wordStarts[id] + wordsById[id].length();
        }
        this.wordChars = new char[wordStarts[wordsById.length]];
        for (int id = 0; id < wordsById.length; id++) {
            wordsById[id].getChars(0, wordsById[id].length(), wordChars, wordStarts[id]);
        }
        int wordCapacity = capacityFor(wordsById.length);
        this.wordSlots = new int[2 * wordCapacity];
        this.wordMask = wordCapacity - 1;
        this.wordWeights = new int[wordsById.length];
        Arrays.fill(wordWeights, NONE);
        for (int id = 0; id < wordsById.length; id++) {
            int hash = wordsById[id].hashCode();
            int slot = mix(hash) & wordMask;
            while (wordSlots[2 * slot + 1] != 0) {
                slot = slot + 1 & wordMask;
            }
            wordSlots[2 * slot] = hash;
            wordSlots[2 * slot + 1] = id + 1;
            wordWeights[id] = wordFeatures.getOrDefault(wordsById[id], NONE);
        }
        int pairCapacity = capacityFor(pairFeatures.size());
        this.pairSlots = new long[2 * pairCapacity];
        this.pairMask = pairCapacity - 1;
        for (int slot = 0; slot < pairCapacity; slot++) {
            pairSlots[2 * slot] = FREE;
        }
        for (PairFeature pair : pairFeatures) {
            long key = pack(ids.get(pair.first()), ids.get(pair.second()));
            int slot = hash(key) & pairMask;
            while (pairSlots[2 * slot] != FREE) {
                slot = slot + 1 & pairMask;
            }
            pairSlots[2 * slot] = key;
            pairSlots[2 * slot + 1] = pair.weights();
        }
    }

    /** A power of two over 4/3 of the entries: at most three quarters full. */
    private static int capacityFor(int entries) {
        return Integer.highestOneBit(Math.max(entries, 1) * 4 / 3) * 2;
    }

    private record PairFeature(String first, String second, int weights) {
    }

    /** The model in this form; only a GIS model's evaluation is reproduced here. */
    static KindModel of(MaxentModel model) {
        return new KindModel(model);
    }

    String outcome(int index) {
        return outcomes[index];
    }

    /** The index of the most probable outcome, as OpenNLP's {@code getBestOutcome} chooses it. */
    static int best(double[] probabilities) {
        return ArrayMath.argmax(probabilities);
    }

    /** The probability of each outcome, by {@link #outcome} index, for a message's subject and body. */
    double[] probabilities(String subject, String body) {
        KindFeatures.Reading reading = KindFeatures.reading(subject, body);
        WordIds ids = new WordIds();
        KindFeatures.wordIds(reading.text(), reading.charsOfText(), this, ids);
        List<String> marks = reading.marks();
        marks.add(KindFeatures.lengthMark(ids.count));
        return probabilities(marks, ids.ids, ids.count);
    }

    private double[] probabilities(List<String> marksRead, int[] ids, int count) {
        double[] sums = new double[outcomes.length];
        Arrays.fill(sums, uniformPrior);
        for (int i = 0; i < marksRead.size(); i++) {
            add(marks.getOrDefault(marksRead.get(i), NONE), sums);
        }
        // A feature counts once, where it first occurs: the words and pairs met so far.
        LongSet wordsSeen = new LongSet(count);
        LongSet pairsSeen = new LongSet(count);
        int previous = 0; // START
        for (int i = 0; i < count; i++) {
            int id = ids[i];
            if (id >= 0 && wordWeights[id] != NONE && wordsSeen.add(id)) {
                add(wordWeights[id], sums);
            }
            if (previous >= 0 && id >= 0) {
                long key = pack(previous, id);
                int weights = pairWeights(key);
                if (weights != NONE && pairsSeen.add(key)) {
                    add(weights, sums);
                }
            }
            previous = id;
        }
        return Softmax.inPlace(sums);
    }

    /** The numbers of the words of a text, in their order ({@link KindFeatures#wordIds}). */
    static final class WordIds {
        private int[] ids = new int[256];
        private int count;

        void add(int id) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, 2 * count);
            }
            ids[count++] = id;
        }

        void clear() {
            count = 0;
        }

        /** The numbers added: for tests. */
        int[] toArray() {
            return Arrays.copyOf(ids, count);
        }
    }

    /** As OpenNLP's {@code ArrayMath.sumFeatures} adds one feature of value 1. */
    private void add(int weights, double[] sums) {
        if (weights == NONE) {
            return;
        }
        int from = weights >>> COUNT_BITS;
        int to = from + (weights & (1 << COUNT_BITS) - 1);
        for (int k = from; k < to; k++) {
            sums[outcomeIds[k]] += parameters[k] * 1.0;
        }
    }

    /** The number of a word the model knows, or -1. */
    int idOf(String word) {
        int hash = word.hashCode();
        int slot = mix(hash) & wordMask;
        while (wordSlots[2 * slot + 1] != 0) {
            if (wordSlots[2 * slot] == hash && wordsById[wordSlots[2 * slot + 1] - 1].equals(word)) {
                return wordSlots[2 * slot + 1] - 1;
            }
            slot = slot + 1 & wordMask;
        }
        return -1;
    }

    /**
     * {@link #idOf(String)} of the word made of {@code chars[from..to)}, given its {@link String#hashCode}:
     * the same number, without making the string.
     */
    int idOf(char[] chars, int from, int to, int hash) {
        int length = to - from;
        int slot = mix(hash) & wordMask;
        int id;
        while ((id = wordSlots[2 * slot + 1] - 1) >= 0) {
            if (wordSlots[2 * slot] == hash && wordStarts[id + 1] - wordStarts[id] == length
                    && sameChars(wordStarts[id], chars, from, length)) {
                return id;
            }
            slot = slot + 1 & wordMask;
        }
        return -1;
    }

    /** A loop: {@code Arrays.equals} on ranges is several calls deep under C1, for words of a few letters. */
    private boolean sameChars(int start, char[] chars, int from, int length) {
        for (int k = 0; k < length; k++) {
            if (wordChars[start + k] != chars[from + k]) {
                return false;
            }
        }
        return true;
    }

    private int pairWeights(long key) {
        int slot = hash(key) & pairMask;
        while (pairSlots[2 * slot] != FREE) {
            if (pairSlots[2 * slot] == key) {
                return (int) pairSlots[2 * slot + 1];
            }
            slot = slot + 1 & pairMask;
        }
        return NONE;
    }

    private static long pack(int first, int second) {
        return (long) first << 32 | second;
    }

    private static int mix(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ mixed >>> 16;
    }

    private static int hash(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ mixed >>> 29);
    }

    /**
     * A small set of non-negative longs, open addressing, for the words or pairs of one message. Each
     * key is kept plus one, so that a new array's zeros are the free slots, without filling it.
     */
    private static final class LongSet {
        private static final long EMPTY = 0;
        private final long[] keys;
        private final int mask;

        LongSet(int expected) {
            int capacity = Integer.highestOneBit(Math.max(expected, 4) * 2) * 2;
            keys = new long[capacity];
            mask = capacity - 1;
        }

        /** Whether the key was not there yet; it is now. */
        boolean add(long key) {
            long kept = key + 1;
            int slot = hash(key) & mask;
            while (keys[slot] != EMPTY) {
                if (keys[slot] == kept) {
                    return false;
                }
                slot = slot + 1 & mask;
            }
            keys[slot] = kept;
            return true;
        }
    }
}
