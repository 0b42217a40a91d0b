package com.pitchgate.analyze;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.stemmer.snowball.SnowballStemmer.ALGORITHM;

/**
 * Turns text into the stems that fit scoring compares: OpenNLP tokenising, French and English
 * function words removed, Snowball stemming in the text's language, then accents folded so that
 * "cafe" and "café" meet.
 */
public final class TextAnalyzer {

    private static final Map<String, ALGORITHM> ALGORITHMS = Map.ofEntries(
            Map.entry("en", ALGORITHM.ENGLISH), Map.entry("fr", ALGORITHM.FRENCH), Map.entry("de", ALGORITHM.GERMAN),
            Map.entry("es", ALGORITHM.SPANISH), Map.entry("it", ALGORITHM.ITALIAN), Map.entry("pt", ALGORITHM.PORTUGUESE),
            Map.entry("nl", ALGORITHM.DUTCH), Map.entry("sv", ALGORITHM.SWEDISH), Map.entry("da", ALGORITHM.DANISH),
            Map.entry("no", ALGORITHM.NORWEGIAN), Map.entry("fi", ALGORITHM.FINNISH), Map.entry("ru", ALGORITHM.RUSSIAN),
            Map.entry("hu", ALGORITHM.HUNGARIAN), Map.entry("ro", ALGORITHM.ROMANIAN), Map.entry("tr", ALGORITHM.TURKISH),
            Map.entry("ca", ALGORITHM.CATALAN), Map.entry("ga", ALGORITHM.IRISH), Map.entry("el", ALGORITHM.GREEK),
            Map.entry("id", ALGORITHM.INDONESIAN));

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final int MAX_TOKENS = 20_000;
    /** What a function word stems to here: no stem of letters is a NUL. */
    private static final String FUNCTION_WORD = "\0";

    private static final byte ALPHABETIC = 1;
    private static final byte LETTER = 2;
    /** Whether each char is alphabetic and a letter, as {@link Character} tells: read for every char of every text. */
    private static final byte[] CHAR_KINDS = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            CHAR_KINDS[c] = (byte) ((Character.isAlphabetic(c) ? ALPHABETIC : 0) | (Character.isLetter((char) c) ? LETTER : 0));
        }
    }

    /** Words kept stemmed, per stemming language, before that language's are forgotten. */
    static final int MAX_KEPT_WORDS = 50_000;

    private final Set<String> stopwords;
    /** Snowball stemmers keep state while stemming: one per thread and language. */
    private final ThreadLocal<Map<ALGORITHM, SnowballStemmer>> stemmers =
            ThreadLocal.withInitial(() -> new EnumMap<>(ALGORITHM.class));
    /**
     * What each word stems to (folded, or {@link #FUNCTION_WORD}), by stemming language (the last for
     * none), kept from text to text: most words of a message were in earlier ones, and stemming each
     * message's words afresh was most of the cost of stemming. Names, typos and numbers-as-words would
     * grow it without end, so a language's words are forgotten all at once when it holds {@link #maxKeptWords}.
     */
    private final KeptStems[] kept = new KeptStems[ALGORITHM.values().length + 1];
    private final int maxKeptWords;

    public TextAnalyzer() {
        this(MAX_KEPT_WORDS);
    }

    TextAnalyzer(int maxKeptWords) {
        Set<String> words = new java.util.HashSet<>(WordLists.load("stopwords-en.txt"));
        words.addAll(WordLists.load("stopwords-fr.txt"));
        this.stopwords = Set.copyOf(words);
        this.maxKeptWords = maxKeptWords;
        for (int k = 0; k < kept.length; k++) {
            kept[k] = new KeptStems();
        }
    }

    /** Whether a Snowball stemmer exists for this ISO 639-1 code; other texts are only tokenised. */
    public static boolean canStem(String language) {
        return ALGORITHMS.containsKey(language);
    }

    /**
     * The stems of the content words of {@code text}, in order, repeated as often as they occur.
     *
     * <p>The words ({@link #words}) are read from the lower-cased text's characters and looked up among
     * those kept by their characters and a hash taken while reading them: a String was made and hashed
     * for each word, to be looked up in a map of the text's words and then in a concurrent map of the
     * kept ones, most of the cost of stemming a text once nearly all its words were kept. A String is
     * made only for a word not kept yet.
     */
    public List<String> stems(String text, String language) {
        ALGORITHM algorithm = ALGORITHMS.get(language);
        List<String> stems = new ArrayList<>(Math.min(text.length() / 6 + 1, MAX_TOKENS));
        KeptStems keptStems = kept[algorithm == null ? kept.length - 1 : algorithm.ordinal()];
        if (keptStems.size() >= maxKeptWords) {
            keptStems.clear();
        }
        char[] chars = text.toLowerCase(Locale.ROOT).toCharArray();
        int length = chars.length;
        int position = 0;
        while (position < length) {
            if ((CHAR_KINDS[chars[position]] & ALPHABETIC) == 0) {
                position++;
                continue;
            }
            int start = position;
            int hash = 0;
            while (position < length && (CHAR_KINDS[chars[position]] & ALPHABETIC) != 0) {
                hash = 31 * hash + chars[position];
                position++;
            }
            if (position - start < 2 || (CHAR_KINDS[chars[start]] & LETTER) == 0) {
                continue;
            }
            if (stems.size() >= MAX_TOKENS) {
                break;
            }
            String stem = keptStems.get(chars, start, position, hash);
            if (stem == null) {
                String word = new String(chars, start, position - start);
                stem = stopwords.contains(word) ? FUNCTION_WORD : fold(algorithm == null ? word : stem(algorithm, word));
                keptStems.put(word.toCharArray(), hash, stem);
            }
            if (!stem.equals(FUNCTION_WORD)) {
                stems.add(stem);
            }
        }
        return stems;
    }

    private String stem(ALGORITHM algorithm, String word) {
        return stemmers.get().computeIfAbsent(algorithm, SnowballStemmer::new).stem(word).toString();
    }

    /**
     * The words: the tokens of OpenNLP's {@code SimpleTokenizer} (it splits where the kind of character
     * changes: alphabetic, digit, space, other) of two characters or more that start with a letter,
     * found without making a token of each sign and number first, which was half the cost of stemming
     * a text. An apostrophe is not alphabetic: "l'espace" gives "espace".
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>(text.length() / 6 + 1);
        int length = text.length();
        int position = 0;
        while (position < length) {
            if ((CHAR_KINDS[text.charAt(position)] & ALPHABETIC) == 0) {
                position++;
                continue;
            }
            int start = position;
            while (position < length && (CHAR_KINDS[text.charAt(position)] & ALPHABETIC) != 0) {
                position++;
            }
            if (position - start >= 2 && (CHAR_KINDS[text.charAt(start)] & LETTER) != 0) {
                words.add(text.substring(start, position));
            }
        }
        return words;
    }

    static String fold(String word) {
        boolean ascii = true;
        for (int i = 0; i < word.length() && ascii; i++) {
            ascii = word.charAt(i) < 128;
        }
        return ascii ? word : DIACRITICS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
    }
}
