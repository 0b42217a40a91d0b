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
     * The variants of the phrases, by number, that hold each key a word of theirs is met by. Most of a
     * profile's variants share no word with a given pitch: the pitch's keys mark those that do, and
     * only those are tried, instead of looking up every key of every variant among the pitch's.
     */
    private final Map<String, int[]> variantsByKey;
    private int variantCount;
    /** Weighted, normalised term vectors: the space's, and each member's by id. */
    private final Map<String, Map<String, Double>> documents = new LinkedHashMap<>();
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
        this.variantsByKey = new HashMap<>();
        variantsHolding.forEach((key, numbers) -> variantsByKey.put(key, numbers.stream().mapToInt(Integer::intValue).toArray()));

        int documentCount = bags.size();
        Map<String, Integer> documentFrequency = new HashMap<>();
        bags.values().forEach(bag -> new HashSet<>(bag).forEach(t -> documentFrequency.merge(t, 1, Integer::sum)));
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log(1.0 + (documentCount + 1.0) / df)));
        this.unseenIdf = Math.log(1.0 + (documentCount + 1.0));
        bags.forEach((id, bag) -> documents.put(id, normalised(weights(termFrequencies(bag)))));
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

    /** As {@link #fit(List, int, String)}; {@code tryEveryVariant}: also those sharing no word with the pitch, for tests. */
    Fit fit(List<String> pitchStems, int subjectStems, String lowerCaseText, boolean tryEveryVariant) {
        Map<String, Occurrences> positions = new HashMap<>();
        List<String> keys = new ArrayList<>(2 * pitchStems.size());
        for (int i = 0; i < pitchStems.size(); i++) {
            String stem = pitchStems.get(i);
            addKey(stem, i, keys, positions);
            List<String> concepts = lexicon.concepts(stem);
            for (int c = 0; c < concepts.size(); c++) {
                addKey(concepts.get(c), i, keys, positions);
            }
        }
        boolean[] sharing = new boolean[variantCount];
        if (tryEveryVariant) {
            Arrays.fill(sharing, true);
        }
        for (String key : positions.keySet()) {
            int[] holding = variantsByKey.get(key);
            if (holding != null) {
                for (int variant : holding) {
                    sharing[variant] = true;
                }
            }
        }
        PitchWords words = new PitchWords(positions, subjectStems, new WordsOfText(lowerCaseText));
        Map<String, Double> pitch = normalised(weights(termFrequencies(keys)));
        double spaceScore = cosine(pitch, documents.get(SPACE_DOCUMENT));
        Map<String, Double> members = new LinkedHashMap<>();
        documents.forEach((id, vector) -> {
            if (!id.equals(SPACE_DOCUMENT)) {
                members.put(id, round(cosine(pitch, vector)));
            }
        });
        Map<String, List<String>> matches = new LinkedHashMap<>();
        for (Phrase phrase : phrases) {
            if (phrase.matches(words, sharing)) {
                matches.computeIfAbsent(phrase.field(), k -> new ArrayList<>()).add(phrase.text());
            } else if (phrase.asked() && phrase.touchedBy(positions, sharing)) {
                matches.computeIfAbsent(Fit.TOUCHED, k -> new ArrayList<>()).add(phrase.text());
            }
        }
        return new Fit(round(spaceScore), members, matches);
    }

    /** A key of the pitch at position {@code at}: in the list of all its keys, and among the key's first occurrences. */
    private static void addKey(String key, int at, List<String> keys, Map<String, Occurrences> positions) {
        keys.add(key);
        Occurrences occurrences = positions.get(key);
        if (occurrences == null) {
            occurrences = new Occurrences();
            positions.put(key, occurrences);
        }
        occurrences.add(at);
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

    private static Map<String, Integer> termFrequencies(List<String> stems) {
        Map<String, Integer> tf = new HashMap<>();
        stems.forEach(stem -> tf.merge(stem, 1, Integer::sum));
        return tf;
    }

    private Map<String, Double> weights(Map<String, Integer> tf) {
        Map<String, Double> weights = new HashMap<>();
        tf.forEach((term, count) -> weights.put(term, (1 + Math.log(count)) * idf.getOrDefault(term, unseenIdf)));
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

    /** Where a key occurs in a pitch: the stem positions of its first {@link #MAX_OCCURRENCES} occurrences, ascending. */
    static final class Occurrences {
        private int[] positions = new int[4];
        private int size;

        void add(int position) {
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

    /** What one fit reads of the pitch, shared by every phrase it tries, with room for the hits of each. */
    private record PitchWords(Map<String, Occurrences> positions, int subjectStems, WordsOfText words, Hits hits) {
        PitchWords(Map<String, Occurrences> positions, int subjectStems, WordsOfText words) {
            this(positions, subjectStems, words, new Hits());
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

        /** Collects the hits of the words with these keys (by element, the first key the word's stem). */
        Hits collect(String[][] keysByElement, Map<String, Occurrences> positions) {
            size = 0;
            for (int e = 0; e < keysByElement.length; e++) {
                String[] keys = keysByElement[e];
                Occurrences[] ofKey = new Occurrences[keys.length];
                for (int k = 0; k < keys.length; k++) {
                    Occurrences at = positions.get(keys[k]);
                    ofKey[k] = at;
                    if (at == null) {
                        continue;
                    }
                    for (int i = 0; i < at.size; i++) {
                        // A word met by its stem and by its concept is one occurrence, not two.
                        if (!heldBefore(ofKey, k, at.positions[i])) {
                            add((long) at.positions[i] << 32 | e << 1 | (k == 0 ? 1 : 0));
                        }
                    }
                }
            }
            Arrays.sort(hits, 0, size);
            keepOneSensePerWord();
            return this;
        }

        private static boolean heldBefore(Occurrences[] ofKey, int k, int position) {
            for (int j = 0; j < k; j++) {
                if (ofKey[j] != null && ofKey[j].holds(position)) {
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
        private final List<Element> elements;
        private final boolean whole;
        private final double coverage;
        private final int number;
        /** Each word's keys, by element: looked up in the pitch's for each pitch. */
        private final String[][] keysByElement;
        private final double[] weights;
        private final boolean[] specific;
        /** The sum of the weights, as a stream of them adds it (with compensation): the same figure for every pitch. */
        private final double total;
        private final Element weightiestSpecific;

        Variant(List<Element> elements, boolean whole, double coverage, int number) {
            this.elements = List.copyOf(elements);
            this.whole = whole;
            this.coverage = coverage;
            this.number = number;
            this.keysByElement = new String[elements.size()][];
            this.weights = new double[elements.size()];
            this.specific = new boolean[elements.size()];
            for (int e = 0; e < elements.size(); e++) {
                keysByElement[e] = elements.get(e).keys().toArray(String[]::new);
                weights[e] = elements.get(e).weight();
                specific[e] = elements.get(e).specific();
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

        boolean weightiestSpecificIn(Map<String, Occurrences> positions) {
            if (weightiestSpecific == null) {
                return false;
            }
            for (String key : weightiestSpecific.keys()) {
                if (positions.containsKey(key)) {
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
            Hits hits = pitch.hits().collect(keysByElement, pitch.positions());
            int found = hits.size();
            if (found == 0) {
                return false;
            }
            int count = weights.length;
            boolean[] salient = new boolean[count];
            int[] occurrences = new int[count];
            for (int h = 0; h < found; h++) {
                int e = hits.element(h);
                occurrences[e]++;
                salient[e] |= hits.position(h) < pitch.subjectStems() || occurrences[e] >= 2;
            }
            int span = count + Math.max(3, count);
            int[] inWindow = new int[count];
            int[] literalInWindow = new int[count];
            int first = 0;
            for (int last = 0; last < found; last++) {
                inWindow[hits.element(last)]++;
                literalInWindow[hits.element(last)] += hits.literal(last);
                while (hits.position(last) - hits.position(first) >= span) {
                    inWindow[hits.element(first)]--;
                    literalInWindow[hits.element(first)] -= hits.literal(first);
                    first++;
                }
                if (covers(inWindow, literalInWindow, salient, pitch.words())) {
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
        private boolean covers(int[] inWindow, int[] literalInWindow, boolean[] salient, WordsOfText words) {
            double covered = 0;
            boolean specificAndSalient = false;
            boolean all = true;
            boolean firm = false;
            for (int e = 0; e < inWindow.length; e++) {
                if (inWindow[e] > 0) {
                    covered += weights[e];
                    specificAndSalient |= specific[e] && salient[e];
                    // A one-word phrase met once through its stem alone may be another word of that stem.
                    firm |= salient[e] || (literalInWindow[e] > 0 && (inWindow.length > 1 || elements.get(e).unstemmed()
                            || words.has(elements.get(e).word())));
                } else {
                    all = false;
                }
            }
            return (all && (firm || inWindow.length > 1)) || (!whole && specificAndSalient && covered >= coverage * total);
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
        boolean touchedBy(Map<String, Occurrences> positions, boolean[] sharing) {
            for (int v = 0; v < variants.length; v++) {
                Variant variant = variants[v];
                if (!variant.whole() && sharing[variant.number()] && variant.weightiestSpecificIn(positions)) {
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
