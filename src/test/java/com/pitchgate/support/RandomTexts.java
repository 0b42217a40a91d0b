package com.pitchgate.support;

import java.util.Random;

/**
 * Texts made of pieces drawn at random, for the tests that compare a hand-written scan with the
 * pattern or the library it replaces on many texts made of what the pattern reads.
 */
public final class RandomTexts {

    private RandomTexts() {
    }

    /** {@code count} pieces, each drawn from {@code pieces}, one after the other. */
    public static String join(Random random, String[] pieces, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
