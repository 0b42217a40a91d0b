package com.pitchgate.analyze;

import com.pitchgate.spi.Pitch.Fit;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.spi.SpaceProfile.MemberProfile;
import java.util.ArrayList;
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
 * Profile phrases are stemmed in French and English and in each of the space's languages, so a
 * profile written in one language still meets a pitch in the other where the stems agree; writing
 * the important phrases in both languages is what makes that reliable.
 */
public final class ProfileIndex {

    private static final String SPACE_DOCUMENT = "";

    private final TextAnalyzer analyzer;
    private final List<String> languages;
    private final Set<String> genericStems;
    private final List<Phrase> phrases = new ArrayList<>();
    /** Weighted, normalised term vectors: the space's, and each member's by id. */
    private final Map<String, Map<String, Double>> documents = new LinkedHashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final double unseenIdf;

    public ProfileIndex(SpaceProfile space, TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        Set<String> langs = new LinkedHashSet<>(space.languages());
        langs.add("en");
        langs.add("fr");
        this.languages = List.copyOf(langs);
        this.genericStems = stemAll(WordLists.load("generic-words.txt"));

        Map<String, List<String>> bags = new LinkedHashMap<>();
        List<String> spaceTexts = new ArrayList<>(List.of(space.description()));
        spaceTexts.addAll(space.needs());
        spaceTexts.addAll(space.keywords());
        bags.put(SPACE_DOCUMENT, stemsInAllLanguages(spaceTexts));
        addPhrases("needs", space.needs());
        addPhrases("notWanted", space.notWanted());
        addPhrases("keywords", space.keywords());
        for (MemberProfile member : space.members()) {
            List<String> texts = new ArrayList<>(member.skills());
            texts.addAll(member.interests());
            texts.addAll(member.openTo());
            bags.put(member.id(), stemsInAllLanguages(texts));
            addPhrases(member.id() + ".skills", member.skills());
            addPhrases(member.id() + ".interests", member.interests());
            addPhrases(member.id() + ".openTo", member.openTo());
        }

        int documentCount = bags.size();
        Map<String, Integer> documentFrequency = new HashMap<>();
        bags.values().forEach(bag -> new HashSet<>(bag).forEach(t -> documentFrequency.merge(t, 1, Integer::sum)));
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log(1.0 + (documentCount + 1.0) / df)));
        this.unseenIdf = Math.log(1.0 + (documentCount + 1.0));
        bags.forEach((id, bag) -> documents.put(id, normalised(weights(termFrequencies(bag)))));
    }

    /** Fit of a pitch, given its stems (in the pitch's language). */
    public Fit fit(List<String> pitchStems) {
        Map<String, Double> pitch = normalised(weights(termFrequencies(pitchStems)));
        Set<String> present = pitch.keySet();
        double spaceScore = cosine(pitch, documents.get(SPACE_DOCUMENT));
        Map<String, Double> members = new LinkedHashMap<>();
        documents.forEach((id, vector) -> {
            if (!id.equals(SPACE_DOCUMENT)) {
                members.put(id, round(cosine(pitch, vector)));
            }
        });
        Map<String, List<String>> matches = new LinkedHashMap<>();
        for (Phrase phrase : phrases) {
            if (phrase.matches(present, genericStems)) {
                matches.computeIfAbsent(phrase.field(), k -> new ArrayList<>()).add(phrase.text());
            }
        }
        return new Fit(round(spaceScore), members, matches);
    }

    private void addPhrases(String field, List<String> texts) {
        for (String text : texts) {
            List<Set<String>> variants = new ArrayList<>();
            for (String language : languages) {
                Set<String> stems = new LinkedHashSet<>(analyzer.stems(text, language));
                if (!stems.isEmpty() && !variants.contains(stems)) {
                    variants.add(stems);
                }
            }
            if (!variants.isEmpty()) {
                phrases.add(new Phrase(field, text, variants));
            }
        }
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
     * One profile item, e.g. the need "coffee supplier", with its stems in each language.
     * It matches when at least half its stems are in the pitch, one of them a specific word.
     */
    private record Phrase(String field, String text, List<Set<String>> variants) {
        boolean matches(Set<String> pitchStems, Set<String> generic) {
            for (Set<String> stems : variants) {
                int found = 0;
                boolean specific = false;
                for (String stem : stems) {
                    if (pitchStems.contains(stem)) {
                        found++;
                        specific |= !generic.contains(stem);
                    }
                }
                if (specific && found * 2 >= stems.size()) {
                    return true;
                }
            }
            return false;
        }
    }
}
