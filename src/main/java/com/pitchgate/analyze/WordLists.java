package com.pitchgate.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Word lists shipped as resources beside this class: one or more words a line, {@code #} for comments. */
final class WordLists {

    private WordLists() {
    }

    /** The lines of a resource beside this class, as written. */
    static List<String> lines(String resource) {
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        for (String line : lines(resource)) {
            if (line.startsWith("#")) {
                continue;
            }
            for (String word : line.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return Set.copyOf(words);
    }
}
