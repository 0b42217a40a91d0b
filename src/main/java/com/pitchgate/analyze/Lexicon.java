package com.pitchgate.analyze;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bilingual French-English lexicon of the words pitches and profiles use, so that a profile
 * written in one language meets a pitch in the other: "publicité" and "advertising" are one
 * concept. Read from {@code lexicon-fr-en.txt} beside this class, one concept a line
 * ({@code english, words | mots, français}). Each word is stemmed in its own language, as the
 * analyser stems a text in the language it is written in ("comptes" must not become
 * "comptabilité" through an English stem); a stem then stands for its concepts too.
 *
 * <p>A line {@code broader > narrower, words} says that each narrower word's concept is a kind of
 * the broader word's ("coffee > roaster, espresso"): a pitch about a roaster then meets a profile
 * that asks for a coffee supplier, while "coffee" does not stand for "roaster". Immutable once built.
 */
public final class Lexicon {

    static final String RESOURCE = "lexicon-fr-en.txt";
    /** Concept keys start with a character no stem holds. */
    private static final char CONCEPT = '~';

    private final Map<String, List<String>> conceptsOfStem;
    /** Each word as written in the lexicon (lower case, accents folded), with the concepts it is listed in. */
    private final Map<String, List<String>> conceptsOfWord;
    private final int concepts;

    private Lexicon(Map<String, List<String>> conceptsOfStem, Map<String, List<String>> conceptsOfWord, int concepts) {
        this.conceptsOfStem = conceptsOfStem;
        this.conceptsOfWord = conceptsOfWord;
        this.concepts = concepts;
    }

    /** The lexicon shipped with the server. */
    public static Lexicon shipped() {
        return Shipped.INSTANCE;
    }

    /** A lexicon of these lines, in the resource's format; for tests. */
    static Lexicon of(List<String> lines, TextAnalyzer analyzer) {
        Map<String, Set<String>> byStem = new HashMap<>();
        Map<String, Set<String>> byWord = new HashMap<>();
        Map<Integer, String> narrowerLines = new LinkedHashMap<>();
        int number = 0;
        int concepts = 0;
        for (String line : lines) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            if (content.indexOf('>') >= 0) {
                narrowerLines.put(number, content);
                continue;
            }
            int bar = content.indexOf('|');
            if (bar < 0 || bar != content.lastIndexOf('|')) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected 'english words | mots français'");
            }
            String key = CONCEPT + Integer.toString(concepts++);
            String[] sides = {content.substring(0, bar), content.substring(bar + 1)};
            String[] languages = {"en", "fr"};
            for (int side = 0; side < 2; side++) {
                for (String word : sides[side].split(",")) {
                    String folded = TextAnalyzer.fold(word.strip().toLowerCase(java.util.Locale.ROOT));
                    if (!folded.isEmpty()) {
                        byWord.computeIfAbsent(folded, k -> new LinkedHashSet<>()).add(key);
                    }
                    for (String stem : analyzer.stems(word.strip(), languages[side])) {
                        byStem.computeIfAbsent(stem, k -> new LinkedHashSet<>()).add(key);
                    }
                }
            }
        }
        narrowerLines.forEach((at, content) -> addBroader(content, at, byStem, byWord));
        Map<String, List<String>> conceptsOfStem = new HashMap<>();
        byStem.forEach((stem, keys) -> conceptsOfStem.put(stem, List.copyOf(keys)));
        Map<String, List<String>> conceptsOfWord = new HashMap<>();
        byWord.forEach((word, keys) -> conceptsOfWord.put(word, List.copyOf(keys)));
        // HashMaps rather than Map.copyOf's: looked up for every stem of every pitch, the immutable map
        // compared the stem with String.equals at each slot it probed (1 % of the request threads'
        // samples), where a HashMap compares the cached hashes first. Neither is ever iterated here.
        return new Lexicon(Collections.unmodifiableMap(conceptsOfStem), Collections.unmodifiableMap(conceptsOfWord), concepts);
    }

    /**
     * Gives every stem of each narrower word's concept the broader word's concept too. Both sides
     * must be words of concept lines, each in exactly one concept: a relation between two senses
     * nobody can tell apart would be a guess.
     */
    private static void addBroader(String content, int number, Map<String, Set<String>> byStem,
            Map<String, Set<String>> byWord) {
        int arrow = content.indexOf('>');
        String broader = only(content.substring(0, arrow), number, byWord);
        for (String word : content.substring(arrow + 1).split(",")) {
            String narrower = only(word, number, byWord);
            byStem.values().stream().filter(keys -> keys.contains(narrower)).forEach(keys -> keys.add(broader));
        }
    }

    private static String only(String word, int number, Map<String, Set<String>> byWord) {
        String folded = TextAnalyzer.fold(word.strip().toLowerCase(java.util.Locale.ROOT));
        Set<String> concepts = byWord.getOrDefault(folded, Set.of());
        if (concepts.size() != 1) {
            throw new IllegalStateException(RESOURCE + " line " + number + ": '" + word.strip() + "' must be a word of exactly one"
                    + " concept line, above (it is in " + concepts.size() + ")");
        }
        return concepts.iterator().next();
    }

    /** The stem itself and the concepts it stands for. */
    public List<String> keys(String stem) {
        List<String> concepts = conceptsOfStem.get(stem);
        if (concepts == null) {
            return List.of(stem);
        }
        List<String> keys = new ArrayList<>(concepts.size() + 1);
        keys.add(stem);
        keys.addAll(concepts);
        return keys;
    }

    /** The concepts a stem stands for, without the stem: {@link #keys} less its first. */
    List<String> concepts(String stem) {
        return conceptsOfStem.getOrDefault(stem, List.of());
    }

    /**
     * The keys a word of a profile phrase is met by: its stem, and the concept of the word as the
     * lexicon lists it. A word listed in several concepts ("référencement": SEO, or a listing) is met
     * as written only: a manager who does not want SEO has not said a word about listings. A word the
     * lexicon does not list takes its stem's concept, when the stem has just one.
     */
    public List<String> senses(String word, String stem) {
        List<String> listed = conceptsOfWord.get(word);
        List<String> concepts = listed != null ? listed : conceptsOfStem.getOrDefault(stem, List.of());
        return concepts.size() == 1 ? List.of(stem, concepts.get(0)) : List.of(stem);
    }

    /** Whether a key is a concept rather than a stem. */
    static boolean isConcept(String key) {
        return !key.isEmpty() && key.charAt(0) == CONCEPT;
    }

    public int size() {
        return concepts;
    }

    private static final class Shipped {
        static final Lexicon INSTANCE = load();

        private static Lexicon load() {
            return of(WordLists.lines(RESOURCE), new TextAnalyzer());
        }
    }
}
