package com.pitchgate.analyze;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the people a pitch names as the one who sent the sender our way: "Marie suggested I
 * contact you", "referred by Tom Hale", "de la part de Marie", "Paul m'a conseillé de vous écrire".
 * The trigger phrases are matched in any case; the name must be capitalised, as names are.
 */
public final class IntermediaryFinder {

    private static final String NAME = "(?<name>\\p{Lu}[\\p{L}'’-]+(?:[ \\t]+(?:de[ \\t]+|van[ \\t]+|von[ \\t]+)?\\p{Lu}[\\p{L}'’-]+){0,2})";

    private static final List<Pattern> PATTERNS = Arrays.stream(new String[] {
            // English
            NAME + "\\s+(?i:suggested|recommended|advised|told\\s+me|asked\\s+me)\\s+(?i:that\\s+)?(?i:I|we)?\\s*(?i:should\\s+|to\\s+)?"
                    + "(?i:contact|reach\\s+out|write|get\\s+in\\s+touch|e-?mail|talk|speak|connect)",
            "(?i:referred|recommended|introduced|sent|pointed)\\s+(?i:to\\s+you\\s+|here\\s+|your\\s+way\\s+)?(?i:by)\\s+" + NAME,
            "(?i:on\\s+behalf\\s+of)\\s+" + NAME,
            NAME + "\\s+(?i:gave|passed|shared|forwarded|sent)\\s+(?i:me|us)\\s+(?i:your)\\s+(?i:name|contact|details|e-?mail|address|number)",
            "(?i:at|on|following)\\s+(?i:the\\s+)?(?i:suggestion|recommendation|advice)\\s+(?i:of)\\s+" + NAME,
            NAME + "\\s+(?i:thought|said|felt)\\s+(?i:we|I)\\s+(?i:should)\\s+(?i:talk|connect|meet|get\\s+in\\s+touch|speak)",
            NAME + "\\s+(?i:introduced\\s+(?:us|me)|put\\s+(?:us|me)\\s+in\\s+touch)",
            // French
            "(?i:de\\s+la\\s+part\\s+de)\\s+" + NAME,
            NAME + "\\s+(?i:m['’]a|nous\\s+a)\\s+(?i:conseillé|recommandé|suggéré|proposé|dit)\\s+(?i:de\\s+vous)\\s+"
                    + "(?i:écrire|contacter|joindre|solliciter|parler|appeler)",
            "(?i:sur|suivant|selon)\\s+(?i:les\\s+|le\\s+)?(?i:conseils?|recommandations?)\\s+(?i:de|d['’])\\s*" + NAME,
            "(?i:recommandée?s?|envoyée?s?|orientée?s?|adressée?s?)\\s+(?i:vers\\s+vous\\s+)?(?i:par)\\s+" + NAME,
            NAME + "\\s+(?i:m['’]a)\\s+(?i:donné|transmis|communiqué|passé)\\s+(?i:votre|vos)\\s+"
                    + "(?i:contact|coordonnées|adresse|nom|e-?mail|mail|numéro)",
            NAME + "\\s+(?i:m['’]a\\s+parlé\\s+de\\s+vous|nous\\s+a\\s+mis\\s+en\\s+relation|m['’]a\\s+mis\\s+en\\s+relation)",
    }).map(Pattern::compile).toList();

    /** Capitalised words that start sentences but are nobody's name. */
    private static final Set<String> NOT_NAMES = Set.of(
            "I", "We", "You", "He", "She", "They", "It", "My", "Our", "Your", "His", "Her", "Their", "The", "A", "An",
            "Hi", "Hello", "Dear", "Yesterday", "Today", "Recently", "Last", "So", "And", "But", "Also", "Then",
            "Je", "Nous", "Vous", "Il", "Elle", "Ils", "Elles", "On", "Mon", "Ma", "Mes", "Notre", "Votre", "Le", "La",
            "Les", "Un", "Une", "Bonjour", "Hier", "Récemment", "Et", "Mais", "Aussi", "Alors", "Madame", "Monsieur");

    /** The distinct names found, in the order they appear. */
    public List<String> find(String text) {
        List<String> names = new ArrayList<>();
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                String name = trim(matcher.group("name"));
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static String trim(String candidate) {
        List<String> words = new ArrayList<>(Arrays.asList(candidate.strip().split("\\s+")));
        while (!words.isEmpty() && NOT_NAMES.contains(words.get(0))) {
            words.remove(0);
        }
        return String.join(" ", words);
    }
}
