package com.pitchgate.extract;

/**
 * Tidies extracted text: each run of horizontal white space becomes one space, each run of blank
 * lines one empty line, and the ends are stripped. Written as one pass over the characters: the two
 * regular expressions it replaces were a visible share of screening time on long texts.
 */
final class Whitespace {

    private Whitespace() {
    }

    static String normalise(String text) {
        String spaced = collapseHorizontal(text);
        StringBuilder out = new StringBuilder(spaced.length());
        int length = spaced.length();
        int i = 0;
        while (i < length) {
            char c = spaced.charAt(i);
            if (c != ' ' && c != '\n') {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            int newlines = 0;
            int firstNewline = -1;
            int lastNewline = -1;
            while (end < length && (spaced.charAt(end) == ' ' || spaced.charAt(end) == '\n')) {
                if (spaced.charAt(end) == '\n') {
                    newlines++;
                    lastNewline = end;
                    if (firstNewline < 0) {
                        firstNewline = end;
                    }
                }
                end++;
            }
            if (newlines < 2) {
                out.append(spaced, i, end);
            } else {
                // Kept: what comes before the space that directly precedes the first newline, if any.
                int blankStart = firstNewline > i && spaced.charAt(firstNewline - 1) == ' ' ? firstNewline - 1 : firstNewline;
                out.append(spaced, i, blankStart).append("\n\n").append(spaced, lastNewline + 1, end);
            }
            i = end;
        }
        return out.toString().strip();
    }

    private static String collapseHorizontal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean horizontal = c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
            if (!horizontal) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = horizontal;
        }
        return out.toString();
    }
}
