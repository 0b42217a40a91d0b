package com.pitchgate.analyze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Kinds of a service, phrase by phrase ({@code service-kinds.txt}): "lead generation" is sold as
 * "appointment setting" or "téléprospection", words that share nothing with it. A pitch offering a
 * narrower kind meets a profile phrase naming the broader one, never the reverse. The lexicon's
 * {@code broader > narrower} lines do the same for single words.
 */
final class ServiceKinds {

    private static final String RESOURCE = "service-kinds.txt";

    /** One line: the broader phrases (any language) and their narrower kinds. */
    private record Kind(List<String> broader, List<String> narrower) {
    }

    private final TextAnalyzer analyzer;
    private final List<Kind> kinds;
    private final Map<String, List<Set<Set<String>>>> broaderStemsByLanguage = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Set<String>>> kindPhraseStemsByLanguage = new ConcurrentHashMap<>();

    private ServiceKinds(TextAnalyzer analyzer, List<Kind> kinds) {
        this.analyzer = analyzer;
        this.kinds = kinds;
    }

    static ServiceKinds shipped(TextAnalyzer analyzer) {
        return of(Shipped.LINES, analyzer);
    }

    static ServiceKinds of(List<String> lines, TextAnalyzer analyzer) {
        List<Kind> kinds = new ArrayList<>();
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] sides = content.split(">");
            if (sides.length != 2) {
                throw new IllegalArgumentException(RESOURCE + ": expected \"broader, ... > narrower, ...\": " + line);
            }
            kinds.add(new Kind(phrases(sides[0]), phrases(sides[1])));
        }
        return new ServiceKinds(analyzer, List.copyOf(kinds));
    }

    /**
     * The narrower kinds of a profile phrase: those of each line one of whose broader phrases has the
     * same stems as it, in one of the languages (case, accents and small words aside); and, a kind of
     * a kind being a kind, those of each line that one of these kinds names in turn ("marketing" is
     * sold as advertising, and advertising as billboards).
     */
    List<String> narrowerThan(String profilePhrase, List<String> languages) {
        Set<String> narrower = new LinkedHashSet<>();
        Set<Kind> named = new LinkedHashSet<>();
        List<String> toExpand = new ArrayList<>(List.of(profilePhrase));
        while (!toExpand.isEmpty()) {
            String phrase = toExpand.remove(toExpand.size() - 1);
            for (Kind kind : linesNaming(phrase, languages)) {
                if (named.add(kind)) {
                    kind.narrower().stream().filter(narrower::add).forEach(toExpand::add);
                }
            }
        }
        return List.copyOf(narrower);
    }

    /**
     * The kind phrases of two words or more (broader or narrower, on any line) whose stems are all
     * among a profile phrase's, in one of the languages: "usability test participant recruitment"
     * holds "participant recruitment", which a pitch may say whole ("we recruit participants") without
     * the rest of the phrase.
     */
    List<String> kindsWithin(String profilePhrase, List<String> languages) {
        Set<String> within = new LinkedHashSet<>();
        for (String language : languages) {
            Set<String> stems = Set.copyOf(analyzer.stems(profilePhrase, language));
            if (stems.size() < 3) {
                continue;
            }
            kindPhraseStems(language).forEach((phrase, phraseStems) -> {
                if (phraseStems.size() < stems.size() && stems.containsAll(phraseStems)) {
                    within.add(phrase);
                }
            });
        }
        return List.copyOf(within);
    }

    /** Every kind phrase of two stems or more, broader or narrower, in the order of the file, as stemmed in a language; stemmed once per language. */
    private Map<String, Set<String>> kindPhraseStems(String language) {
        return kindPhraseStemsByLanguage.computeIfAbsent(language, l -> {
            Map<String, Set<String>> stems = new LinkedHashMap<>();
            for (Kind kind : kinds) {
                for (List<String> side : List.of(kind.broader(), kind.narrower())) {
                    for (String phrase : side) {
                        Set<String> phraseStems = Set.copyOf(analyzer.stems(phrase, l));
                        if (phraseStems.size() >= 2) {
                            stems.putIfAbsent(phrase, phraseStems);
                        }
                    }
                }
            }
            return stems;
        });
    }

    /** The lines one of whose broader phrases has the same stems as this phrase, in one of the languages. */
    private List<Kind> linesNaming(String phrase, List<String> languages) {
        List<Kind> lines = new ArrayList<>();
        for (String language : languages) {
            Set<String> stems = Set.copyOf(analyzer.stems(phrase, language));
            if (stems.isEmpty()) {
                continue;
            }
            List<Set<Set<String>>> broaderStems = broaderStems(language);
            for (int k = 0; k < kinds.size(); k++) {
                if (broaderStems.get(k).contains(stems) && !lines.contains(kinds.get(k))) {
                    lines.add(kinds.get(k));
                }
            }
        }
        return lines;
    }

    /** Each line's broader phrases as stemmed in a language, in the order of the lines; stemmed once per language. */
    private List<Set<Set<String>>> broaderStems(String language) {
        return broaderStemsByLanguage.computeIfAbsent(language, l -> kinds.stream()
                .map(kind -> kind.broader().stream().map(broader -> Set.copyOf(analyzer.stems(broader, l))).collect(Collectors.toUnmodifiableSet()))
                .toList());
    }

    private static List<String> phrases(String side) {
        List<String> phrases = new ArrayList<>();
        for (String phrase : side.split(",")) {
            if (!phrase.isBlank()) {
                phrases.add(phrase.strip());
            }
        }
        return phrases;
    }

    private static final class Shipped {
        static final List<String> LINES = WordLists.lines(RESOURCE);
    }
}
