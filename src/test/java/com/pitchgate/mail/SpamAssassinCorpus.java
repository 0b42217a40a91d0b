package com.pitchgate.mail;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public SpamAssassin corpus as {@code scripts/fetch-spamassassin.sh} lays it out (one .eml
 * file per message, a folder per group; npm's own files in a hidden folder), read from
 * {@code PITCHGATE_SPAMASSASSIN} or {@code ~/.cache/pitchgate/spam-assassin}. Never committed.
 */
final class SpamAssassinCorpus {

    static final String VERSION = "0.2.3";

    private SpamAssassinCorpus() {
    }

    /** One message of the corpus: its name ("spam-2/00030.b360....eml") and its bytes as fetched. */
    record CorpusMessage(String name, byte[] raw) {
    }

    /** Where the fetch script puts the corpus by default. */
    static Path defaultFolder() {
        String configured = System.getenv("PITCHGATE_SPAMASSASSIN");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "pitchgate", "spam-assassin");
    }

    /**
     * The corpus folder, once fetched whole; skips the calling test when it is not, and fails it on CI
     * ({@code CI=true}), where .ci/run fetches it.
     */
    static Path require() {
        Path folder = defaultFolder();
        boolean present = Files.exists(folder.resolve(".complete-" + VERSION));
        String missing = "no SpamAssassin corpus at " + folder + " (bash scripts/fetch-spamassassin.sh; .ci/run fetches it)";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("on CI the corpus test must run: " + missing);
        }
        assumeTrue(present, missing);
        return folder;
    }

    /** Every .eml file under the folder, hidden folders left out, in the order of their names. */
    static List<CorpusMessage> all(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(".eml"))
                    .filter(file -> !hidden(folder.relativize(file))).sorted().toList();
            List<CorpusMessage> messages = new ArrayList<>();
            for (Path file : files) {
                messages.add(read(folder, file));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named messages ("group/file.eml"), in the order given. */
    static List<CorpusMessage> named(Path folder, List<String> names) {
        return names.stream().map(name -> read(folder, folder.resolve(name))).toList();
    }

    private static CorpusMessage read(Path folder, Path file) {
        try {
            return new CorpusMessage(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
