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
        char[] spaced = new char[text.length()];
        int length = collapseHorizontal(text, spaced);
        char[] out = new char[length];
        int written = 0;
        int i = 0;
        while (i < length) {
            char c = spaced[i];
            if (c != ' ' && c != '\n') {
                out[written++] = c;
                i++;
                continue;
            }
            int end = i;
            int newlines = 0;
            int firstNewline = -1;
            int lastNewline = -1;
            while (end < length && (spaced[end] == ' ' || spaced[end] == '\n')) {
                if (spaced[end] == '\n') {
                    newlines++;
                    lastNewline = end;
                    if (firstNewline < 0) {
                        firstNewline = end;
                    }
                }
                end++;
            }
            if (newlines < 2) {
                written = copy(spaced, i, end, out, written);
            } else {
                // Kept: what comes before the space that directly precedes the first newline, if any.
                int blankStart = firstNewline > i && spaced[firstNewline - 1] == ' ' ? firstNewline - 1 : firstNewline;
                written = copy(spaced, i, blankStart, out, written);
                out[written++] = '\n';
                out[written++] = '\n';
                written = copy(spaced, lastNewline + 1, end, out, written);
            }
            i = end;
        }
        return new String(out, 0, written).strip();
    }

    /** Copies {@code from[start, end)} to {@code to} at {@code at}; returns where the copy ends. */
    private static int copy(char[] from, int start, int end, char[] to, int at) {
        System.arraycopy(from, start, to, at, end - start);
        return at + end - start;
    }

    /** Writes {@code text} to {@code out} with each run of horizontal white space made one space; returns its length. */
    private static int collapseHorizontal(String text, char[] out) {
        int written = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean horizontal = c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
            if (!horizontal) {
                out[written++] = c;
            } else if (!inRun) {
                out[written++] = ' ';
            }
            inRun = horizontal;
        }
        return written;
    }
}
