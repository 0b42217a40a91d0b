package com.pitchgate.store;

/** LIKE patterns for the store's statements, which all name '!' as their escape ({@code ESCAPE '!'}). */
final class LikePatterns {

    private LikePatterns() {
    }

    /** The pattern of a text that holds {@code part} as it is: its '%', '_' and '!' stand for themselves. */
    static String containing(String part) {
        return "%" + escaped(part) + "%";
    }

    /** {@code text} with its '%', '_' and '!' escaped, to stand for themselves in a pattern. */
    static String escaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
