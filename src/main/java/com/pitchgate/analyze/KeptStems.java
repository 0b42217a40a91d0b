package com.pitchgate.analyze;

/**
 * What words stem to, looked up by the word's characters in a text (a range of a char array and its
 * hash, {@code 31 * h + c} over the range) rather than by a String of them, shared by all threads.
 *
 * <p>Reading takes no lock: the table is published through a volatile field and its entries never
 * change once made (final fields, a word's chars copied before), so a reader sees an entry whole
 * or not at all; one that misses a word being added stems it itself. Adding and forgetting lock.
 */
final class KeptStems {

    private static final int INITIAL_CAPACITY = 1 << 10;

    private static final class Entry {
        final char[] word;
        final int hash;
        final String stem;
        final Entry next;

        Entry(char[] word, int hash, String stem, Entry next) {
            this.word = word;
            this.hash = hash;
            this.stem = stem;
            this.next = next;
        }
    }

    private volatile Entry[] table = new Entry[INITIAL_CAPACITY];
    private volatile int size;

    /** The stem of the word in {@code chars[start, end)}, whose hash is {@code hash}, or null if not kept. */
    String get(char[] chars, int start, int end, int hash) {
        Entry[] entries = table;
        for (Entry entry = entries[spread(hash) & (entries.length - 1)]; entry != null; entry = entry.next) {
            if (entry.hash == hash && holds(entry.word, chars, start, end)) {
                return entry.stem;
            }
        }
        return null;
    }

    /** Keeps the stem of {@code word} (not changed afterwards), whose hash is {@code hash}. */
    synchronized void put(char[] word, int hash, String stem) {
        Entry[] entries = table;
        int index = spread(hash) & (entries.length - 1);
        for (Entry entry = entries[index]; entry != null; entry = entry.next) {
            if (entry.hash == hash && holds(entry.word, word, 0, word.length)) {
                return;
            }
        }
        if (size + 1 > entries.length / 4 * 3) {
            entries = doubled(entries);
            index = spread(hash) & (entries.length - 1);
        }
        entries[index] = new Entry(word, hash, stem, entries[index]);
        size++;
        table = entries;
    }

    int size() {
        return size;
    }

    synchronized void clear() {
        table = new Entry[INITIAL_CAPACITY];
        size = 0;
    }

    private static Entry[] doubled(Entry[] entries) {
        Entry[] larger = new Entry[entries.length * 2];
        for (Entry chain : entries) {
            for (Entry entry = chain; entry != null; entry = entry.next) {
                int index = spread(entry.hash) & (larger.length - 1);
                larger[index] = new Entry(entry.word, entry.hash, entry.stem, larger[index]);
            }
        }
        return larger;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static boolean holds(char[] word, char[] chars, int start, int end) {
        if (word.length != end - start) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (word[i] != chars[start + i]) {
                return false;
            }
        }
        return true;
    }
}
