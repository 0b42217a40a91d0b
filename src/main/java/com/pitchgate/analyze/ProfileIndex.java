package com.pitchgate.analyze;

import com.pitchgate.spi.Pitch.Fit;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.spi.SpaceProfile.MemberProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A space's profile prepared for scoring, built once per profile.
 *
 * <p>Two measures, both on stems: a TF-IDF cosine between the pitch and the space's (or a member's)
 * whole profile, for "how close is this to what they do"; and phrase matches against each listed
 * need, unwanted offer, keyword, skill, interest and open-to item, for reasons a person can read.
 *
 * <p>A profile phrase matches as a phrase ({@link Phrase}): its words together, in any order,
 * within a few words of each other, weighted by how rare they are in pitches at large
 * ({@link TermWeights}); words every offer uses ("service", "tool") and words of the space's own
 * field (its description and keywords: "coworking" for a coworking space) weigh little, so that
 * "paid listings of coworking spaces" is not matched by "coworking spaces" alone. Words of either
 * language meet through the bilingual {@link Lexicon}: a manager writes "publicité" once and an
 * English pitch about advertising still matches it.
 */
public final class ProfileIndex {

    private static final String SPACE_DOCUMENT = "";
    /** A generic word weighs this share of its rarity: it completes a phrase, it cannot carry one. */
    private static final double GENERIC_SHARE = 0.25;
    /** A word of the space's own field weighs this share: every pitch to the space uses it. */
    private static final double DOMAIN_SHARE = 0.35;
    /** The share of a phrase's weight that its words found together must carry. */
    static final double COVERAGE = 0.75;
    /**
     * The share for a need or an open-to item: what the space asks for is met by the bulk of its
     * words ("logiciel de traduction assistée" answers "... par ordinateur"); a miss costs a customer,
     * a false match a minute of reading.
     */
    static final double ASKED_COVERAGE = 0.6;
    /** Occurrences of one phrase word looked at; a pitch that repeats a word more says nothing new. */
    private static final int MAX_OCCURRENCES = 64;

    private final TextAnalyzer analyzer;
    private final Lexicon lexicon;
    private final TermWeights weights;
    private final ServiceKinds serviceKinds;
    private final List<String> languages;
    private final Set<String> genericStems;
    private final Set<String> productStems;
    private final Set<String> domainStems;
    private final List<Phrase> phrases = new ArrayList<>();
    /**
     * Each key a word of the phrases is met by: its number, and the variants of the phrases, by number,
     * that hold it. Most of a profile's variants share no word with a given pitch: the pitch's keys mark
     * those that do, and only those are tried, instead of looking up every key of every variant among
     * the pitch's. A variant finds the pitch's occurrences of its keys by their numbers, in an array
     * filled once per pitch: looking each key up among the pitch's, for every variant tried, was most
     * of the map look-ups of a fit.
     */
    private final Map<String, VariantKey> variantKeys;
    private int variantCount;
    /** Weighted, normalised term vectors: the space's, and each member's by id. */
    private final Map<String, Document> documents = new LinkedHashMap<>();
    /** A number for each term of the documents, by which a pitch's weights are read from an array. */
    private final Map<String, Integer> termNumbers = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final double unseenIdf;

    public ProfileIndex(SpaceProfile space, TextAnalyzer analyzer) {
        this(space, analyzer, Lexicon.shipped(), TermWeights.shipped());
    }

    ProfileIndex(SpaceProfile space, TextAnalyzer analyzer, Lexicon lexicon, TermWeights weights) {
        this(space, analyzer, lexicon, weights, ServiceKinds.shipped(analyzer));
    }

    ProfileIndex(SpaceProfile space, TextAnalyzer analyzer, Lexicon lexicon, TermWeights weights, ServiceKinds serviceKinds) {
        this.analyzer = analyzer;
        this.serviceKinds = serviceKinds;
        this.lexicon = lexicon;
        this.weights = weights;
        Set<String> langs = new LinkedHashSet<>(space.languages());
        langs.add("en");
        langs.add("fr");
        this.languages = List.copyOf(langs);
        this.genericStems = stemAll(WordLists.load("generic-words.txt"));
        this.productStems = stemAll(WordLists.load("product-words.txt"));
        List<String> field = new ArrayList<>(List.of(space.description()));
        field.addAll(space.keywords());
        this.domainStems = Set.copyOf(stemsInAllLanguages(field));

        Map<String, List<String>> bags = new LinkedHashMap<>();
        List<String> spaceTexts = new ArrayList<>(List.of(space.description()));
        spaceTexts.addAll(space.needs());
        spaceTexts.addAll(space.keywords());
        bags.put(SPACE_DOCUMENT, keysOf(stemsInAllLanguages(spaceTexts)));
        Map<String, List<Integer>> variantsHolding = new HashMap<>();
        addPhrases("needs", space.needs(), variantsHolding);
        addPhrases("notWanted", space.notWanted(), variantsHolding);
        addPhrases("keywords", space.keywords(), variantsHolding);
        for (MemberProfile member : space.members()) {
            List<String> texts = new ArrayList<>(member.skills());
            texts.addAll(member.interests());
            texts.addAll(member.openTo());
            bags.put(member.id(), keysOf(stemsInAllLanguages(texts)));
            addPhrases(member.id() + ".skills", member.skills(), variantsHolding);
            addPhrases(member.id() + ".interests", member.interests(), variantsHolding);
            addPhrases(member.id() + ".openTo", member.openTo(), variantsHolding);
        }
        this.variantKeys = new HashMap<>();
        variantsHolding.forEach((key, numbers) ->
                variantKeys.put(key, new VariantKey(variantKeys.size(), numbers.stream().mapToInt(Integer::intValue).toArray())));
        for (Phrase phrase : phrases) {
            for (Variant variant : phrase.variants()) {
                variant.numberKeys(variantKeys);
            }
        }

        int documentCount = bags.size();
        Map<String, Integer> documentFrequency = new HashMap<>();
        bags.values().forEach(bag -> new HashSet<>(bag).forEach(t -> documentFrequency.merge(t, 1, Integer::sum)));
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log(1.0 + (documentCount + 1.0) / df)));
        this.unseenIdf = Math.log(1.0 + (documentCount + 1.0));
        bags.forEach((id, bag) -> documents.put(id, new Document(normalised(weights(termFrequencies(bag))), termNumbers)));
    }

    /** Fit of a pitch, given its stems (in the pitch's language), in the order of its text. */
    public Fit fit(List<String> pitchStems) {
        return fit(pitchStems, 0, "");
    }

    /**
     * Fit of a pitch, given its stems in the order of its text, the first {@code subjectStems} of them
     * its subject's, and the text itself in lower case (to tell "référencement" from "référence",
     * which share a stem).
     */
    public Fit fit(List<String> pitchStems, int subjectStems, String lowerCaseText) {
        return fit(pitchStems, subjectStems, lowerCaseText, false);
    }

    /**
     * As {@link #fit(List, int, String)}; {@code tryEveryVariant}: also those sharing no word with the
     * pitch, and whether a variant's words cover the window asked at every window, for tests.
     */
    Fit fit(List<String> pitchStems, int subjectStems, String lowerCaseText, boolean tryEveryVariant) {
        Map<String, Occurrences> positions = new HashMap<>();
        PitchKeys keys = new PitchKeys(pitchStems.size());
        for (int i = 0; i < pitchStems.size(); i++) {
            String stem = pitchStems.get(i);
            keys.add(stem, i, positions);
            List<String> concepts = lexicon.concepts(stem);
            for (int c = 0; c < concepts.size(); c++) {
                keys.add(concepts.get(c), i, positions);
            }
        }
        boolean[] sharing = new boolean[variantCount];
        if (tryEveryVariant) {
            Arrays.fill(sharing, true);
        }
        Occurrences[] byKey = new Occurrences[variantKeys.size()];
        for (Map.Entry<String, Occurrences> entry : positions.entrySet()) {
            VariantKey key = variantKeys.get(entry.getKey());
            if (key != null) {
                byKey[key.number()] = entry.getValue();
                for (int variant : key.variants()) {
                    sharing[variant] = true;
                }
            }
        }
        PitchWords words = new PitchWords(byKey, subjectStems, new WordsOfText(lowerCaseText), tryEveryVariant);
        double[] cosines = cosines(keys.termFrequencies(), false);
        double spaceScore = cosines[0];
        Map<String, Double> members = new LinkedHashMap<>();
        int d = 1;
        for (String id : documents.keySet()) {
            if (!id.equals(SPACE_DOCUMENT)) {
                members.put(id, round(cosines[d++]));
            }
        }
        Map<String, List<String>> matches = new LinkedHashMap<>();
        for (Phrase phrase : phrases) {
            if (phrase.matches(words, sharing)) {
                matches.computeIfAbsent(phrase.field(), k -> new ArrayList<>()).add(phrase.text());
            } else if (phrase.asked() && phrase.touchedBy(byKey, sharing)) {
                matches.computeIfAbsent(Fit.TOUCHED, k -> new ArrayList<>()).add(phrase.text());
            }
        }
        return new Fit(round(spaceScore), members, matches);
    }

    /**
     * The cosines of a pitch, given how often it has each key, with the space's document and each member's, in the
     * order of the documents; {@code byMaps}: each computed from the vectors' maps alone, for tests.
     */
    double[] cosines(Map<String, Integer> termFrequencies, boolean byMaps) {
        Map<String, Double> pitch = normalised(weights(termFrequencies));
        double[] pitchWeights = new double[termNumbers.size()];
        for (Map.Entry<String, Double> entry : pitch.entrySet()) {
            Integer term = termNumbers.get(entry.getKey());
            if (term != null) {
                pitchWeights[term] = entry.getValue();
            }
        }
        double[] cosines = new double[documents.size()];
        cosines[0] = byMaps ? cosine(pitch, documents.get(SPACE_DOCUMENT).vector())
                : cosine(pitch, pitchWeights, documents.get(SPACE_DOCUMENT));
        int d = 1;
        for (Map.Entry<String, Document> document : documents.entrySet()) {
            if (!document.getKey().equals(SPACE_DOCUMENT)) {
                cosines[d++] = byMaps ? cosine(pitch, document.getValue().vector()) : cosine(pitch, pitchWeights, document.getValue());
            }
        }
        return cosines;
    }

    /** The keys of a pitch's stems, for tests: each stem, then its concepts. */
    List<String> pitchKeys(List<String> pitchStems) {
        List<String> keys = new ArrayList<>();
        for (String stem : pitchStems) {
            keys.add(stem);
            keys.addAll(lexicon.concepts(stem));
        }
        return keys;
    }

    /** How often a pitch has each key, as {@link #termFrequencies} counts them, for tests. */
    Map<String, Integer> termFrequenciesOf(List<String> pitchStems) {
        PitchKeys keys = new PitchKeys(pitchStems.size());
        Map<String, Occurrences> positions = new HashMap<>();
        for (int i = 0; i < pitchStems.size(); i++) {
            keys.add(pitchStems.get(i), i, positions);
            for (String concept : lexicon.concepts(pitchStems.get(i))) {
                keys.add(concept, i, positions);
            }
        }
        return keys.termFrequencies();
    }

    /**
     * A pitch's keys (each stem, then its concepts), distinct, in the order first met, with their
     * occurrences. How often each occurs is counted into a map merged once per key, as merging it
     * once per occurrence did ({@link #termFrequencies}), and to the same map: the same keys merged
     * into it first in the same order, and a last merge of nothing where more followed, since a merge
     * grows the map, when it is due to, whichever key it merges.
     */
    private static final class PitchKeys {
        private final List<String> distinct;
        private final List<Occurrences> occurrences;
        private int count;
        private int countAtLastNew;

        PitchKeys(int stems) {
            this.distinct = new ArrayList<>(stems);
            this.occurrences = new ArrayList<>(stems);
        }

        /** A key of the pitch at position {@code at}, among the key's first occurrences. */
        void add(String key, int at, Map<String, Occurrences> positions) {
            count++;
            Occurrences of = positions.get(key);
            if (of == null) {
                of = new Occurrences();
                positions.put(key, of);
                distinct.add(key);
                occurrences.add(of);
                countAtLastNew = count;
            }
            of.add(at);
        }

        Map<String, Integer> termFrequencies() {
            Map<String, Integer> tf = new HashMap<>();
            for (int k = 0; k < distinct.size(); k++) {
                tf.merge(distinct.get(k), occurrences.get(k).count, Integer::sum);
            }
            if (count > countAtLastNew) {
                tf.merge(distinct.get(distinct.size() - 1), 0, Integer::sum);
            }
            return tf;
        }
    }

    /** What the space asks for: a need, or what a member is open to. */
    private static boolean isAsked(String field) {
        return field.equals("needs") || field.endsWith(".openTo");
    }

    private void addPhrases(String field, List<String> texts, Map<String, List<Integer>> variantsByKey) {
        for (String text : texts) {
            List<Variant> variants = new ArrayList<>();
            List<Set<String>> seen = new ArrayList<>();
            boolean wanted = !field.equals("notWanted");
            boolean asked = isAsked(field);
            addVariants(text, false, wanted, asked, variants, seen, variantsByKey);
            // "lead generation" is also met by the kinds it is sold as ("appointment setting"), all their words present.
            for (String narrower : serviceKinds.narrowerThan(text, languages)) {
                addVariants(narrower, true, wanted, asked, variants, seen, variantsByKey);
            }
            if (asked) {
                for (String kind : serviceKinds.kindsWithin(text, languages)) {
                    addVariants(kind, true, wanted, asked, variants, seen, variantsByKey);
                }
            }
            if (!variants.isEmpty()) {
                phrases.add(new Phrase(field, text, variants));
            }
        }
    }

    /**
     * The words of a phrase as stemmed in each language, one variant per distinct set of stems;
     * {@code whole}: met only by all its words, never by its weightiest alone.
     */
    private void addVariants(String text, boolean whole, boolean wanted, boolean asked, List<Variant> variants, List<Set<String>> seen,
            Map<String, List<Integer>> variantsByKey) {
        // The same words, unstemmed, in the same order: stemming keeps one stem per word.
        List<String> words = analyzer.stems(text, "none");
        for (String language : languages) {
            List<String> stemmed = analyzer.stems(text, language);
            Set<String> stems = new LinkedHashSet<>(stemmed);
            if (stems.isEmpty() || seen.contains(stems)) {
                continue;
            }
            seen.add(stems);
            List<Element> elements = new ArrayList<>();
            Set<String> added = new HashSet<>();
            for (int w = 0; w < stemmed.size(); w++) {
                String stem = stemmed.get(w);
                if (!added.add(stem)) {
                    continue;
                }
                String word = w < words.size() ? words.get(w) : stem;
                boolean generic = genericStems.contains(stem);
                boolean domain = domainStems.contains(stem);
                double weight = weights.idf(stem) * (generic ? GENERIC_SHARE : 1) * (domain ? DOMAIN_SHARE : 1);
                // A word of two senses ("hosting": of events, of servers) in what the space wants is met in either;
                // in what it does not want, only as written: a "no" must not spread to another sense.
                List<String> keys = wanted ? lexicon.keys(stem) : lexicon.senses(word, stem);
                elements.add(new Element(keys, weight, !generic && !domain && !productStems.contains(stem), word.equals(stem), word));
            }
            int number = variantCount++;
            for (Element element : elements) {
                for (String key : element.keys()) {
                    List<Integer> holding = variantsByKey.computeIfAbsent(key, k -> new ArrayList<>());
                    if (holding.isEmpty() || holding.get(holding.size() - 1) != number) {
                        holding.add(number);
                    }
                }
            }
            variants.add(new Variant(elements, whole, asked ? ASKED_COVERAGE : COVERAGE, number));
        }
    }

    private List<String> keysOf(List<String> stems) {
        List<String> keys = new ArrayList<>(stems.size());
        stems.forEach(stem -> keys.addAll(lexicon.keys(stem)));
        return keys;
    }

    private List<String> stemsInAllLanguages(List<String> texts) {
        List<String> stems = new ArrayList<>();
        for (String text : texts) {
            Set<String> distinct = new LinkedHashSet<>();
            languages.forEach(language -> distinct.addAll(analyzer.stems(text, language)));
            stems.addAll(distinct);
        }
        return stems;
    }

    private Set<String> stemAll(Set<String> words) {
        Set<String> stems = new HashSet<>();
        for (String word : words) {
            stems.add(TextAnalyzer.fold(word));
            languages.forEach(language -> stems.addAll(analyzer.stems(word, language)));
        }
        return Set.copyOf(stems);
    }

    static Map<String, Integer> termFrequencies(List<String> stems) {
        Map<String, Integer> tf = new HashMap<>();
        stems.forEach(stem -> tf.merge(stem, 1, Integer::sum));
        return tf;
    }

    private Map<String, Double> weights(Map<String, Integer> tf) {
        Map<String, Double> weights = new HashMap<>();
        for (Map.Entry<String, Integer> term : tf.entrySet()) {
            Double rarity = idf.get(term.getKey());
            weights.put(term.getKey(), (1 + Math.log(term.getValue())) * (rarity == null ? unseenIdf : rarity));
        }
        return weights;
    }

    private static Map<String, Double> normalised(Map<String, Double> vector) {
        double norm = Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
        if (norm == 0) {
            return vector;
        }
        Map<String, Double> unit = new HashMap<>();
        vector.forEach((term, weight) -> unit.put(term, weight / norm));
        return unit;
    }

    /**
     * The cosine of a pitch's vector and a document's, its terms' weights also by term number. A
     * document with fewer terms than the pitch is walked in its own order, the pitch's weight of each
     * term read from the array (0 where the pitch lacks it: no weight of a term it has is 0), and
     * otherwise the pitch's vector is, as {@link #cosine(Map, Map)} does: the same products, added in
     * the same order.
     */
    private static double cosine(Map<String, Double> pitch, double[] pitchWeights, Document document) {
        if (pitch.size() <= document.vector().size()) {
            return cosine(pitch, document.vector());
        }
        int[] terms = document.terms();
        double[] weights = document.weights();
        double dot = 0;
        for (int t = 0; t < terms.length; t++) {
            double other = pitchWeights[terms[t]];
            if (other != 0) {
                dot += weights[t] * other;
            }
        }
        return dot;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) {
                dot += entry.getValue() * other;
            }
        }
        return dot;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    /**
     * One word of a profile phrase: the keys a pitch word may match it by (its stem and its
     * concepts), its weight, whether it is specific (neither generic, nor of the space's field, nor a mere
     * kind of product: "tools"), and whether stemming left it as written ("SEO", "crypto"; not "référencement", whose stem
     * "référenc" a mere "référence" shares).
     */
    private record Element(List<String> keys, double weight, boolean specific, boolean unstemmed, String word) {
    }

    /** A key of the phrases' words: its number, and the numbers of the variants that hold it. */
    private record VariantKey(int number, int[] variants) {
    }

    /**
     * A document's weighted, normalised vector, and its terms (numbered, numbers given to new terms)
     * and weights in the order the vector's entries are walked.
     */
    private record Document(Map<String, Double> vector, int[] terms, double[] weights) {
        Document(Map<String, Double> vector, Map<String, Integer> termNumbers) {
            this(vector, new int[vector.size()], new double[vector.size()]);
            int t = 0;
            for (Map.Entry<String, Double> entry : vector.entrySet()) {
                Integer number = termNumbers.get(entry.getKey());
                if (number == null) {
                    number = termNumbers.size();
                    termNumbers.put(entry.getKey(), number);
                }
                terms[t] = number;
                weights[t++] = entry.getValue();
            }
        }
    }

    /** Whether a text holds a word as written (accents aside), looked for only when a phrase needs it. */
    private static final class WordsOfText {
        private final String text;
        private Set<String> words;

        WordsOfText(String lowerCaseText) {
            this.text = lowerCaseText;
        }

        boolean has(String foldedWord) {
            if (words == null) {
                words = new HashSet<>(TextAnalyzer.words(TextAnalyzer.fold(text)));
            }
            return words.contains(foldedWord);
        }
    }

    /** Where a key occurs in a pitch: the stem positions of its first {@link #MAX_OCCURRENCES} occurrences, ascending, and how often. */
    static final class Occurrences {
        private int[] positions = new int[4];
        private int size;
        /** All the occurrences, those not kept too. */
        private int count;

        void add(int position) {
            count++;
            if (size == MAX_OCCURRENCES) {
                return;
            }
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, Math.min(2 * size, MAX_OCCURRENCES));
            }
            positions[size++] = position;
        }

        boolean holds(int position) {
            return Arrays.binarySearch(positions, 0, size, position) >= 0;
        }
    }

    /**
     * What one fit reads of the pitch, shared by every phrase it tries, with room for the hits of each:
     * {@code byKey}, the occurrences of each key of the phrases' words, by key number (null where the
     * pitch has none); {@code everyWindow}: whether a variant's words cover a window is asked at every
     * window, for tests.
     */
    private record PitchWords(Occurrences[] byKey, int subjectStems, WordsOfText words, boolean everyWindow, Hits hits) {
        PitchWords(Occurrences[] byKey, int subjectStems, WordsOfText words, boolean everyWindow) {
            this(byKey, subjectStems, words, everyWindow, new Hits());
        }
    }

    /**
     * The hits of a phrase's words in a pitch, ordered by position, then by word: each a position, the
     * word (its element's index) and whether the pitch has the word itself (its first key, 1) or only a
     * word of the same concept (0), packed in a long that sorts in that order. One buffer serves every
     * phrase a fit tries: sets of boxed positions, lists of arrays and a boxed map of each phrase's
     * hits were most of the cost of a fit.
     */
    static final class Hits {
        private long[] hits = new long[64];
        private int size;
        /**
         * By element, for the variant reading its hits: whether the word is salient, how often it is hit, and
         * its hits and literal hits in the window. Cleared for each variant, where four arrays were allocated.
         */
        private boolean[] salient = new boolean[8];
        private int[] occurrences = new int[8];
        private int[] inWindow = new int[8];
        private int[] literalInWindow = new int[8];

        /** Clears the counts by element for a variant of {@code count} words. */
        void clearCounts(int count) {
            if (count > salient.length) {
                salient = new boolean[count];
                occurrences = new int[count];
                inWindow = new int[count];
                literalInWindow = new int[count];
            } else {
                Arrays.fill(salient, 0, count, false);
                Arrays.fill(occurrences, 0, count, 0);
                Arrays.fill(inWindow, 0, count, 0);
                Arrays.fill(literalInWindow, 0, count, 0);
            }
        }

        /**
         * Collects the hits of the words with these keys (by element, the numbers of its keys, the first
         * the word's stem's), given the pitch's occurrences of each key by number.
         */
        Hits collect(int[][] keysByElement, Occurrences[] byKey) {
            size = 0;
            for (int e = 0; e < keysByElement.length; e++) {
                int[] keys = keysByElement[e];
                for (int k = 0; k < keys.length; k++) {
                    Occurrences at = byKey[keys[k]];
                    if (at == null) {
                        continue;
                    }
                    for (int i = 0; i < at.size; i++) {
                        // A word met by its stem and by its concept is one occurrence, not two.
                        if (!heldBefore(byKey, keys, k, at.positions[i])) {
                            add((long) at.positions[i] << 32 | e << 1 | (k == 0 ? 1 : 0));
                        }
                    }
                }
            }
            Arrays.sort(hits, 0, size);
            keepOneSensePerWord();
            return this;
        }

        private static boolean heldBefore(Occurrences[] byKey, int[] keys, int k, int position) {
            for (int j = 0; j < k; j++) {
                Occurrences before = byKey[keys[j]];
                if (before != null && before.holds(position)) {
                    return true;
                }
            }
            return false;
        }

        private void add(long hit) {
            if (size == hits.length) {
                hits = Arrays.copyOf(hits, 2 * size);
            }
            hits[size++] = hit;
        }

        /**
         * A pitch word that is one of the phrase's words as written is that word, and not also another
         * of them through a concept they share: "brands" is "brand" of "brand identity", not its
         * "identity" as well (the lexicon puts "branding" with "identité"). A word that is none of them
         * as written may meet several through its concepts: one French word for an English compound.
         * At one position, the first literal hit is that of the first such word.
         */
        private void keepOneSensePerWord() {
            int kept = 0;
            int start = 0;
            while (start < size) {
                int position = position(start);
                int literalElement = -1;
                int end = start;
                while (end < size && position(end) == position) {
                    if (literalElement < 0 && literal(end) == 1) {
                        literalElement = element(end);
                    }
                    end++;
                }
                for (int h = start; h < end; h++) {
                    if (literalElement < 0 || literal(h) == 1 || element(h) == literalElement) {
                        hits[kept++] = hits[h];
                    }
                }
                start = end;
            }
            size = kept;
        }

        int size() {
            return size;
        }

        int position(int hit) {
            return (int) (hits[hit] >>> 32);
        }

        int element(int hit) {
            return (int) hits[hit] >>> 1;
        }

        int literal(int hit) {
            return (int) hits[hit] & 1;
        }
    }

    /** A profile phrase's words as stemmed in one language; {@code whole}: met by all of them only. */
    private static final class Variant {
        private final boolean whole;
        private final double coverage;
        private final int number;
        /** Each word's keys, by element. */
        private final String[][] keysByElement;
        /** Each word's keys' numbers, by element, and those of the weightiest specific word: set once the profile's keys are numbered. */
        private int[][] keyNumbersByElement;
        private int[] weightiestSpecificKeyNumbers;
        private final boolean[] unstemmed;
        private final String[] words;
        private final double[] weights;
        private final boolean[] specific;
        /** The sum of the weights, as a stream of them adds it (with compensation): the same figure for every pitch. */
        private final double total;
        private final Element weightiestSpecific;

        Variant(List<Element> elements, boolean whole, double coverage, int number) {
            this.whole = whole;
            this.coverage = coverage;
            this.number = number;
            this.keysByElement = new String[elements.size()][];
            this.weights = new double[elements.size()];
            this.specific = new boolean[elements.size()];
            this.unstemmed = new boolean[elements.size()];
            this.words = new String[elements.size()];
            for (int e = 0; e < elements.size(); e++) {
                keysByElement[e] = elements.get(e).keys().toArray(String[]::new);
                weights[e] = elements.get(e).weight();
                specific[e] = elements.get(e).specific();
                unstemmed[e] = elements.get(e).unstemmed();
                words[e] = elements.get(e).word();
            }
            this.total = elements.stream().mapToDouble(Element::weight).sum();
            Element weightiest = null;
            for (Element element : elements) {
                if (element.specific() && (weightiest == null || element.weight() > weightiest.weight())) {
                    weightiest = element;
                }
            }
            this.weightiestSpecific = weightiest;
        }

        boolean whole() {
            return whole;
        }

        int number() {
            return number;
        }

        /** Numbers the keys of the words, as the profile numbers every key of its phrases' words. */
        void numberKeys(Map<String, VariantKey> keys) {
            keyNumbersByElement = new int[keysByElement.length][];
            for (int e = 0; e < keysByElement.length; e++) {
                keyNumbersByElement[e] = numbers(keysByElement[e], keys);
            }
            weightiestSpecificKeyNumbers = weightiestSpecific == null ? null
                    : numbers(weightiestSpecific.keys().toArray(String[]::new), keys);
        }

        private static int[] numbers(String[] keys, Map<String, VariantKey> numbered) {
            int[] numbers = new int[keys.length];
            for (int k = 0; k < keys.length; k++) {
                numbers[k] = numbered.get(keys[k]).number();
            }
            return numbers;
        }

        /** {@code byKey}: the pitch's occurrences of each key, by number. */
        boolean weightiestSpecificIn(Occurrences[] byKey) {
            if (weightiestSpecificKeyNumbers == null) {
                return false;
            }
            for (int key : weightiestSpecificKeyNumbers) {
                if (byKey[key] != null) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the pitch holds the words together: within a window of a few words more than the
         * phrase has, all of them; or words carrying {@link #COVERAGE} of its weight, one of them
         * specific and salient (in the subject, or more than once in the text: "coffee supplier" is
         * answered by a pitch about coffee, not by "shall we meet for a coffee?").
         */
        boolean matches(PitchWords pitch) {
            Hits hits = pitch.hits().collect(keyNumbersByElement, pitch.byKey());
            int found = hits.size();
            if (found == 0) {
                return false;
            }
            int count = weights.length;
            hits.clearCounts(count);
            boolean[] salient = hits.salient;
            int[] occurrences = hits.occurrences;
            for (int h = 0; h < found; h++) {
                int e = hits.element(h);
                occurrences[e]++;
                salient[e] |= hits.position(h) < pitch.subjectStems() || occurrences[e] >= 2;
            }
            int span = count + Math.max(3, count);
            int[] inWindow = hits.inWindow;
            int[] literalInWindow = hits.literalInWindow;
            // covers() holds only with every word in the window, or one specific and salient (in a phrase not met whole
            // only): it is asked only then, the words and those in the window counted as the window slides.
            int wordsInWindow = 0;
            int specificAndSalientInWindow = 0;
            int first = 0;
            for (int last = 0; last < found; last++) {
                int added = hits.element(last);
                if (inWindow[added]++ == 0) {
                    wordsInWindow++;
                    specificAndSalientInWindow += specific[added] && salient[added] ? 1 : 0;
                }
                literalInWindow[added] += hits.literal(last);
                while (hits.position(last) - hits.position(first) >= span) {
                    int dropped = hits.element(first);
                    if (--inWindow[dropped] == 0) {
                        wordsInWindow--;
                        specificAndSalientInWindow -= specific[dropped] && salient[dropped] ? 1 : 0;
                    }
                    literalInWindow[dropped] -= hits.literal(first);
                    first++;
                }
                if ((wordsInWindow == count || (!whole && specificAndSalientInWindow > 0) || pitch.everyWindow())
                        && covers(count, inWindow, literalInWindow, salient, pitch.words())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * All the words together (a phrase of one word: as written, or salient; met once only through
         * another word of its stem or concept, "list" for "référencement", it is too thin); or enough
         * weight with a specific, salient word.
         */
        private boolean covers(int count, int[] inWindow, int[] literalInWindow, boolean[] salient, WordsOfText text) {
            double covered = 0;
            boolean specificAndSalient = false;
            boolean all = true;
            boolean firm = false;
            for (int e = 0; e < count; e++) {
                if (inWindow[e] > 0) {
                    covered += weights[e];
                    specificAndSalient |= specific[e] && salient[e];
                    // A one-word phrase met once through its stem alone may be another word of that stem.
                    firm |= salient[e] || (literalInWindow[e] > 0 && (count > 1 || unstemmed[e] || text.has(words[e])));
                } else {
                    all = false;
                }
            }
            return (all && (firm || count > 1)) || (!whole && specificAndSalient && covered >= coverage * total);
        }
    }

    /** One profile item, e.g. the need "coffee supplier", with its words in each language. */
    private record Phrase(String field, String text, Variant[] variants) {
        Phrase(String field, String text, List<Variant> variants) {
            this(field, text, variants.toArray(Variant[]::new));
        }

        boolean asked() {
            return isAsked(field);
        }

        /**
         * Whether the pitch has the weightiest specific word of the phrase, anywhere. {@code sharing}: by
         * variant number, whether the pitch has a word of it; a variant it shares no word with has none.
         */
        boolean touchedBy(Occurrences[] byKey, boolean[] sharing) {
            for (int v = 0; v < variants.length; v++) {
                Variant variant = variants[v];
                if (!variant.whole() && sharing[variant.number()] && variant.weightiestSpecificIn(byKey)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code sharing}: by variant number, whether the pitch has a word of it; the others cannot match. */
        boolean matches(PitchWords pitch, boolean[] sharing) {
            for (int v = 0; v < variants.length; v++) {
                Variant variant = variants[v];
                if (sharing[variant.number()] && variant.matches(pitch)) {
                    return true;
                }
            }
            return false;
        }
    }
}
