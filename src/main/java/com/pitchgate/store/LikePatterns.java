package com.pitchgate.store;

/** LIKE patterns for the store's statements, which all name '!' as their escape ({@code ESCAPE '!'}). */
final class LikePatterns {

    private LikePatterns() {
    }

    /** The pattern of a text that holds {@code part} as it is: its '%', '_' and '!' stand for themselves. */
    static String containing(String part) {
        return "%" + part.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
