package com.pitchgate.text;

/**
 * A text, and the pairs of its adjacent characters, read once, to rule out cheaply the words it
 * cannot contain: a word with a pair the text lacks is not in it. Looking for a word that is absent reads
 * the whole text; when most of those looked for are absent (trigger words, the names of a space's
 * members), testing their pairs first spares most of those reads.
 *
 * <p>A pair is known by the low eight bits of each character, so a few pairs stand for several: the
 * test can say "maybe" for a word that is absent, never "no" for one that is there.
 */
public final class CharacterPairs {

    private final String text;
    private final long[] bits = new long[(1 << 16) / 64];

    private CharacterPairs(String text) {
        this.text = text;
    }

    public static CharacterPairs of(String text) {
        CharacterPairs pairs = new CharacterPairs(text);
        for (int i = 1; i < text.length(); i++) {
            int pair = index(text.charAt(i - 1), text.charAt(i));
            pairs.bits[pair >>> 6] |= 1L << pair;
        }
        return pairs;
    }

    /** Whether the text contains {@code word}, as {@link String#contains} says, read only when its pairs are all there. */
    public boolean contains(String word) {
        return mayContain(word) && text.contains(word);
    }

    /** False when {@code word} cannot be in the text; true when it may be (and always for one character). */
    boolean mayContain(String word) {
        for (int i = 1; i < word.length(); i++) {
            int pair = index(word.charAt(i - 1), word.charAt(i));
            if ((bits[pair >>> 6] & 1L << pair) == 0) {
                return false;
            }
        }
        return true;
    }

    private static int index(char first, char second) {
        return (first & 0xFF) << 8 | second & 0xFF;
    }
}
