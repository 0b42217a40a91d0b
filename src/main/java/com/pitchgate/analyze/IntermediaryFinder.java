package com.pitchgate.analyze;

import com.pitchgate.text.LineStartMatches;
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
    /** A name after a title written with its full stop ("Dr. Martin Krause", "M. Dupont"): the name is what follows. */
    private static final String TITLED = "(?:(?:Dr|Mr|Mrs|Ms|Prof|Pr|Me|Mme|Mlle|M)\\.[ \\t]*)?" + NAME;

    /**
     * A name, and what the sender says of that person before the verb: "Martin Krause, who teaches at
     * the school in Ghent, suggested", "Claire (Atelier Moreau) m'a conseillé".
     */
    private static final String NAMED = NAME + "(?:[ \\t]*,[\\p{L} \\t'’-]{1,80},|[ \\t]*\\([\\p{L} \\t'’-]{1,60}\\))?";

    /**
     * Each pattern with the words its matches must contain (in lower case): one of each group.
     * Checking for them first is cheap, and most pitches name no intermediary: then no pattern runs
     * at all. Patterns that start with a name try at every capital letter, which made this the
     * largest cost of analysis on long bodies (see docs/benchmarks.md); their groups name the verb
     * and the object both, as one common word ("vous", "sent") would let them run on most pitches.
     */
    private static final List<Cue> CUES = List.of(
            // English
            cue(NAMED + "\\s+(?i:who\\s+)?(?i:suggested|recommended|advised|told\\s+me|asked\\s+me)\\s+(?i:that\\s+)?(?i:I|we)?\\s*(?i:should\\s+|to\\s+)?"
                    + "(?i:contact|reach\\s+out|write|get\\s+in\\s+touch|e-?mail|talk|speak|connect)",
                    anyOf("suggested", "recommended", "advised", "told", "asked"),
                    anyOf("contact", "reach", "write", "touch", "mail", "talk", "speak", "connect")),
            cue("(?i:referred|recommended|suggested|introduced|sent|pointed)\\s+(?i:to\\s+you\\s+|here\\s+|your\\s+way\\s+)?(?i:by)\\s+" + TITLED,
                    anyOf("referred", "recommended", "suggested", "introduced", "sent", "pointed")),
            cue("(?i:on\\s+behalf\\s+of)\\s+" + TITLED, anyOf("behalf")),
            cue(NAMED + "\\s+(?i:gave|passed|shared|forwarded|sent)\\s+(?i:me|us)\\s+(?i:your)\\s+(?i:name|contact|details|e-?mail|address|number)",
                    anyOf("gave", "passed", "shared", "forwarded", "sent"), anyOf("your"),
                    anyOf("name", "contact", "details", "mail", "address", "number")),
            cue("(?i:at|on|following)\\s+(?i:the\\s+)?(?i:suggestion|recommendation|advice)\\s+(?i:of)\\s+" + TITLED,
                    anyOf("suggestion", "recommendation", "advice")),
            cue(NAMED + "\\s+(?i:thought|said|felt)\\s+(?i:we|I)\\s+(?i:should)\\s+(?i:talk|connect|meet|get\\s+in\\s+touch|speak)",
                    anyOf("should"), anyOf("thought", "said", "felt")),
            cue(NAMED + "\\s+(?i:introduced\\s+(?:us|me)|put\\s+(?:us|me)\\s+in\\s+touch)", anyOf("introduced", "touch")),
            // French
            cue("(?i:de\\s+la\\s+part\\s+de)\\s+" + TITLED, anyOf("part")),
            cue(NAMED + "\\s+(?i:qui\\s+)?(?i:m['’]a|nous\\s+a)\\s+(?i:conseillé|recommandé|suggéré|proposé|dit)\\s+(?i:de\\s+vous)\\s+"
                    + "(?i:écrire|contacter|joindre|solliciter|parler|appeler)",
                    anyOf("conseillé", "recommandé", "suggéré", "proposé", "dit"),
                    anyOf("écrire", "contacter", "joindre", "solliciter", "parler", "appeler")),
            cue("(?i:sur|suivant|selon)\\s+(?i:les\\s+|le\\s+)?(?i:conseils?|recommandations?)\\s+(?i:de|d['’])\\s*" + TITLED,
                    anyOf("conseil", "recommandation")),
            cue("(?i:recommandée?s?|conseillée?s?|suggérée?s?|envoyée?s?|orientée?s?|adressée?s?)\\s+(?i:vers\\s+vous\\s+)?(?i:par)\\s+" + TITLED,
                    anyOf("recommandé", "conseillé", "suggéré", "envoyé", "orienté", "adressé")),
            cue(NAMED + "\\s+(?i:m['’]a)\\s+(?i:donné|transmis|communiqué|passé)\\s+(?i:votre|vos)\\s+"
                    + "(?i:contact|coordonnées|adresse|nom|e-?mail|mail|numéro)",
                    anyOf("donné", "transmis", "communiqué", "passé"), anyOf("vo"),
                    anyOf("contact", "coordonnées", "adresse", "nom", "mail", "numéro")),
            cue(NAMED + "\\s+(?i:qui\\s+)?(?i:m['’]a\\s+parlé\\s+de\\s+vous|nous\\s+a\\s+mis\\s+en\\s+relation|m['’]a\\s+mis\\s+en\\s+relation)",
                    anyOf("parlé", "relation")));

    /** Every word of the cues' groups, looked for in one pass over a text (CueClausesBenchmark's too). */
    static final CueClauses.WordsByFirstChar CUE_WORDS = new CueClauses.WordsByFirstChar(
            CUES.stream().flatMap(cue -> cue.wordGroups().stream()).flatMap(List::stream).collect(java.util.stream.Collectors.toSet()));

    /** The numbers of each cue's words among {@link #CUE_WORDS}, by group, by cue. */
    private static final int[][][] CUE_WORD_NUMBERS = CUES.stream().map(cue -> CUE_WORDS.numbersOf(cue.wordGroups())).toArray(int[][][]::new);

    /** Capitalised words that start sentences but are nobody's name. */
    private static final Set<String> NOT_NAMES = Set.of(
            "I", "We", "You", "He", "She", "They", "It", "My", "Our", "Your", "His", "Her", "Their", "The", "A", "An",
            "Hi", "Hello", "Dear", "Yesterday", "Today", "Recently", "Last", "So", "And", "But", "Also", "Then",
            "Je", "Nous", "Vous", "Il", "Elle", "Ils", "Elles", "On", "Mon", "Ma", "Mes", "Notre", "Votre", "Le", "La",
            "Les", "Un", "Une", "Bonjour", "Hier", "Récemment", "Et", "Mais", "Aussi", "Alors", "Madame", "Monsieur",
            // Titles: "Maître Bruno Lefèvre" is Bruno Lefèvre, "Dr Martin" is Martin.
            "Maître", "Me", "Dr", "Docteur", "Professeur", "Pr", "Prof", "Mr", "Mrs", "Ms", "Miss", "Mme", "Mlle", "Mister", "Sir");

    /** What String.split("\\s+") compiled on each call: the same split, compiled once. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** A French elision before a lower-case word starts a sentence, never a name: "C'est", "J'ai", "L'équipe". */
    private static final Pattern ELISION = Pattern.compile("(?:[CcJjLlSsNnMmTtDd]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]\\p{Ll}.*");

    /**
     * Whom a greeting addresses ("Bonjour Grace,", "Hi Tom", "Dear Ms Liu"): the reader, never the one
     * who sent the sender their way.
     */
    private static final Pattern GREETING = Pattern.compile(
            "(?m)^[ \\t]*(?iu:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou|"
                    + "cher|chère|chers|chères)\\b[ \\t,]*(?<name>\\p{Lu}[\\p{L}'’-]+(?:[ \\t]+\\p{Lu}[\\p{L}'’-]+){0,2})"
                    // The greeting ends there: "Hello, Marie Dupont suggested I write" names no addressee.
                    + "(?=[ \\t]*(?:[,!:;.]|$))");

    /**
     * The distinct names found, in the order they appear. Each pattern is tried only in the runs of
     * the text that hold a word of each of its groups ({@link CueClauses}); most pitches name no
     * intermediary, and then no pattern runs at all.
     */
    public List<String> find(String text) {
        CueClauses clauses = CueClauses.of(text, CUE_WORDS);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < CUES.size(); c++) {
            Cue cue = CUES.get(c);
            List<int[]> holding = clauses.holdingOneOfEach(CUE_WORD_NUMBERS[c]);
            Matcher matcher = holding.isEmpty() ? null : cue.pattern().matcher(text);
            for (int[] clause : holding) {
                matcher.region(clause[0], clause[1]);
                while (matcher.find()) {
                    addName(names, matcher.group("name"));
                }
            }
        }
        return names;
    }

    /**
     * Capitalised words that may start a person's name, with up to two more after them: what
     * {@link #nameSpanEnd} reads, kept for tests.
     */
    private static final Pattern NAME_SPAN = Pattern.compile(
            "(?<![\\p{L}@.])\\p{Lu}[\\p{L}'’-]+(?:[ \\t]+(?:de[ \\t]+|van[ \\t]+|von[ \\t]+|da[ \\t]+)?\\p{Lu}[\\p{L}'’-]+){0,2}");
    /** Names are looked for in the start of a message: the intro is in its first lines or its sign-off. */
    static final int CANDIDATE_CHARS = 4_000;
    static final int MAX_CANDIDATES = 40;

    /**
     * Every span that could be a person's name, in the order met: for a message that reads as an
     * introduction in words no cue foresaw ("we met through Camille at the meetup"), each is
     * looked up among the people the space knows. Words that start sentences and titles are taken
     * off the front ("Maître Bruno Lefèvre" gives "Bruno Lefèvre"); whom a greeting addresses
     * ("Bonjour Claire,") is the reader, not a candidate.
     */
    public List<String> nameCandidates(String text) {
        String start = text.length() <= CANDIDATE_CHARS ? text : text.substring(0, CANDIDATE_CHARS);
        Set<String> addressees = addressees(start);
        Set<String> candidates = new java.util.LinkedHashSet<>();
        int at = 0;
        while (at < start.length() && candidates.size() < MAX_CANDIDATES) {
            int end = nameSpanEnd(start, at);
            if (end < 0) {
                at++;
                continue;
            }
            String span = trim(start.substring(at, end));
            at = end;
            if (span.isEmpty() || addressees.contains(span)) {
                continue;
            }
            // "Paul Martin" is not Paul Girard: a span is looked up whole, never word by word.
            candidates.add(span);
        }
        return List.copyOf(candidates);
    }

    /**
     * Where the match of {@link #NAME_SPAN} that starts at {@code at} ends, or -1 where none starts
     * there, read by hand: matching the pattern at each capital letter (the regex engine's nodes called
     * through megamorphic sites, with C1) was most of the 2.5 % of request-thread CPU nameCandidates took.
     * The pattern backtracks nowhere it could succeed: a word's letters, the blanks after it and a
     * particle ("de", "van") are each taken whole, as none can start what follows them.
     */
    static int nameSpanEnd(String text, int at) {
        if (at > 0) {
            // The look-behind reads the one char before, a lone surrogate being neither letter, '@' nor '.'.
            char before = text.charAt(at - 1);
            if (before == '@' || before == '.' || isLetter(before)) {
                return -1;
            }
        }
        int end = capitalisedWordEnd(text, at);
        if (end < 0) {
            return -1;
        }
        for (int more = 0; more < 2; more++) {
            int next = blanksEnd(text, end);
            if (next == end) {
                break;
            }
            int afterParticle = particleEnd(text, next);
            int wordEnd = capitalisedWordEnd(text, afterParticle < 0 ? next : afterParticle);
            if (wordEnd < 0) {
                break;
            }
            end = wordEnd;
        }
        return end;
    }

    /** The end of \p{Lu}[\p{L}'’-]+ at {@code at}, or -1. */
    private static int capitalisedWordEnd(String text, int at) {
        int length = text.length();
        if (at >= length) {
            return -1;
        }
        char first = text.charAt(at);
        int end;
        if (first < 0x80) {
            if (first < 'A' || first > 'Z') {
                return -1;
            }
            end = at + 1;
        } else {
            int capital = text.codePointAt(at);
            if (Character.getType(capital) != Character.UPPERCASE_LETTER) {
                return -1;
            }
            end = at + Character.charCount(capital);
        }
        int wordStart = end;
        while (end < length) {
            char c = text.charAt(end);
            if (c < 0x80) {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == '-')) {
                    break;
                }
                end++;
            } else if (c == '’') {
                end++;
            } else {
                int letter = text.codePointAt(end);
                if (!Character.isLetter(letter)) {
                    break;
                }
                end += Character.charCount(letter);
            }
        }
        return end > wordStart ? end : -1;
    }

    /** The end of [ \t]* at {@code at}. */
    private static int blanksEnd(String text, int at) {
        int end = at;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return end;
    }

    /** The end of (?:de|van|von|da)[ \t]+ at {@code at}, or -1. */
    private static int particleEnd(String text, int at) {
        int wordEnd;
        if (text.startsWith("de", at) || text.startsWith("da", at)) {
            wordEnd = at + 2;
        } else if (text.startsWith("van", at) || text.startsWith("von", at)) {
            wordEnd = at + 3;
        } else {
            return -1;
        }
        int end = blanksEnd(text, wordEnd);
        return end > wordEnd ? end : -1;
    }

    private static boolean isLetter(char c) {
        return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
    }

    /** The spans {@link #nameSpanEnd} reads, one after the other as {@link #nameCandidates} reads them: for tests. */
    static List<String> nameSpans(String text) {
        List<String> spans = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = nameSpanEnd(text, at);
            if (end < 0) {
                at++;
            } else {
                spans.add(text.substring(at, end));
                at = end;
            }
        }
        return spans;
    }

    /** The matches of {@link #NAME_SPAN}, by find(): for tests. */
    static List<String> nameSpansScanning(String text) {
        List<String> spans = new ArrayList<>();
        Matcher matcher = NAME_SPAN.matcher(text);
        while (matcher.find()) {
            spans.add(matcher.group());
        }
        return spans;
    }

    /**
     * The names greetings address, titles taken off: "Bonjour Grace," and "Dear Ms Liu" give "Grace" and "Liu".
     * {@link #GREETING} is tried at line starts only, where its {@code ^} can match.
     */
    static Set<String> addressees(String text) {
        Set<String> names = new java.util.HashSet<>();
        LineStartMatches greetings = new LineStartMatches(GREETING, text);
        for (int from = 0; greetings.find(from); from = greetings.matcher().end()) {
            String name = trim(greetings.matcher().group("name"));
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** As {@link #addressees}, with find(): for tests. */
    static Set<String> addresseesScanning(String text) {
        Set<String> names = new java.util.HashSet<>();
        Matcher matcher = GREETING.matcher(text);
        while (matcher.find()) {
            String name = trim(matcher.group("name"));
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** As {@link #find(String)}, but trying every pattern over the whole text: for tests of what is checked first. */
    List<String> findTryingEveryPattern(String text) {
        List<String> names = new ArrayList<>();
        for (Cue cue : CUES) {
            Matcher matcher = cue.pattern().matcher(text);
            while (matcher.find()) {
                addName(names, matcher.group("name"));
            }
        }
        return names;
    }

    private static void addName(List<String> names, String found) {
        String name = trim(found);
        if (!name.isEmpty() && !names.contains(name)) {
            names.add(name);
        }
    }

    @SafeVarargs
    private static Cue cue(String regex, List<String>... wordGroups) {
        return new Cue(Pattern.compile(regex), List.of(wordGroups));
    }

    private static List<String> anyOf(String... words) {
        return List.of(words);
    }

    private record Cue(Pattern pattern, List<List<String>> wordGroups) {
    }

    /**
     * The candidate without the words that start sentences and titles in front, its words joined by single
     * spaces. Read a word at a time, where splitting it by a pattern, and matching {@link #ELISION} on a word
     * without an apostrophe, cost most of the time spent on each of the (up to 40) name spans of a message.
     */
    static String trim(String candidate) {
        String text = candidate.strip();
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && !isSpace(text.charAt(end))) {
                end++;
            }
            String first = text.substring(start, end);
            if (!(NOT_NAMES.contains(first) || isElision(first))) {
                break;
            }
            start = end;
            while (start < length && isSpace(text.charAt(start))) {
                start++;
            }
        }
        return joinedBySingleSpaces(text, start);
    }

    /** The words of {@code text} from {@code start} (a word's start, or its end), joined by single spaces. */
    private static String joinedBySingleSpaces(String text, int start) {
        int length = text.length();
        for (int at = start; at < length; at++) {
            if (isSpace(text.charAt(at)) && (text.charAt(at) != ' ' || isSpace(text.charAt(at + 1)))) {
                return String.join(" ", SPACES.split(text.substring(start)));
            }
        }
        return text.substring(start);
    }

    /** A character of {@code \s}: [ \t\n\x0B\f\r]. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
    }

    /** Whether {@link #ELISION} matches the word: it holds an apostrophe after its first letter. */
    private static boolean isElision(String word) {
        return (word.indexOf('\'') > 0 || word.indexOf('’') > 0) && ELISION.matcher(word).matches();
    }

    /** As {@link #trim}, by splitting: for tests. */
    static String trimSplitting(String candidate) {
        List<String> words = new ArrayList<>(Arrays.asList(SPACES.split(candidate.strip())));
        while (!words.isEmpty() && (NOT_NAMES.contains(words.get(0)) || ELISION.matcher(words.get(0)).matches())) {
            words.remove(0);
        }
        return String.join(" ", words);
    }
}
