package com.pitchgate.analyze;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
     * same stems as it, in one of the languages (case, accents and small words aside).
     */
    List<String> narrowerThan(String profilePhrase, List<String> languages) {
        Set<String> narrower = new LinkedHashSet<>();
        for (String language : languages) {
            Set<String> stems = Set.copyOf(analyzer.stems(profilePhrase, language));
            if (stems.isEmpty()) {
                continue;
            }
            for (Kind kind : kinds) {
                if (kind.broader().stream().anyMatch(broader -> Set.copyOf(analyzer.stems(broader, language)).equals(stems))) {
                    narrower.addAll(kind.narrower());
                }
            }
        }
        return List.copyOf(narrower);
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
