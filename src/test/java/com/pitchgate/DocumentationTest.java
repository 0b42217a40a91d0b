package com.pitchgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README stays a front door (short, its two commands first, the test command the one CI runs), and
 * the documentation's relative links lead somewhere: a page renamed, or a heading reworded, breaks
 * the links to it without anyone noticing on the page itself.
 */
class DocumentationTest {

    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    private static final Path CI_RUN = Path.of(".ci", "run");
    /** Issue 24: the README had grown to 1,238 lines, half of them benchmarks. */
    private static final int README_MAX_LINES = 250;

    /** {@code [text](target)} and {@code ![alt](target)}, with an optional title after the target. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern FENCED_CODE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```[^\\n]*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern INDENTED_COMMAND = Pattern.compile("(?m)^ {4}(\\S.*)$");

    @Test
    void readmeIsShortWithTheTwoCommandsFirst() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertThat(readme.lines().count()).as("README's lines").isLessThanOrEqualTo(README_MAX_LINES);

        List<String> commands = new ArrayList<>();
        Matcher command = INDENTED_COMMAND.matcher(readme);
        while (command.find() && commands.size() < 2) {
            commands.add(command.group(1));
        }
        assertThat(commands).as("README's first two commands").hasSize(2);
        assertThat(commands.get(0)).as("README's first command starts the server on config.yml")
                .contains(" -jar target/pitchgate-").endsWith(" server config.yml");
        assertThat(commands.get(1)).as("README's second command runs the tests as .ci/run does").isEqualTo(ciTestCommand());
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndHeading() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README, Path.of("plugins", "README.md")));
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertThat(pages).as("documentation pages").contains(DOCS.resolve("architecture.md"), DOCS.resolve("routing.md"));

        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            List<String> targets = relativeLinks(Files.readString(page, StandardCharsets.UTF_8));
            checked += targets.size();
            broken.addAll(brokenLinks(page, targets));
        }
        assertThat(checked).as("relative links checked").isGreaterThan(20);
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsReported(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("other.md"), "# Other page\n\n## Its `first` part, and more\n\n```\n# not a heading\n```\n");
        Path page = folder.resolve("page.md");
        Files.writeString(page, """
                # Page

                [fine](other.md#its-first-part-and-more), [fine too](#page), [gone](missing.md),
                [no such heading](other.md#not-a-heading), `[in code](nowhere.md)`, [away](https://example.org/x).
                """);

        List<String> targets = relativeLinks(Files.readString(page, StandardCharsets.UTF_8));

        assertThat(targets).containsExactly("other.md#its-first-part-and-more", "#page", "missing.md", "other.md#not-a-heading");
        assertThat(brokenLinks(page, targets)).hasSize(2).anySatisfy(line -> assertThat(line).contains("missing.md"))
                .anySatisfy(line -> assertThat(line).contains("other.md#not-a-heading"));
    }

    /** The command .ci/run ends with: the test command README must show, byte for byte. */
    private static String ciTestCommand() throws IOException {
        List<String> lines = Files.readAllLines(CI_RUN, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        return lines.get(lines.size() - 1);
    }

    /** The targets of a page's links, outside code, that are not absolute URLs. */
    static List<String> relativeLinks(String markdown) {
        String text = INLINE_CODE.matcher(FENCED_CODE.matcher(markdown).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) { // http:, https:, mailto:...
                targets.add(target);
            }
        }
        return targets;
    }

    /** One line for each target of {@code page} that names no existing file, or no heading of it. */
    static List<String> brokenLinks(Path page, List<String> targets) {
        List<String> broken = new ArrayList<>();
        for (String target : targets) {
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path linked = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
            if (!Files.exists(linked)) {
                broken.add(page + ": " + target + " (no file " + linked + ")");
            } else if (anchor != null && linked.toString().endsWith(".md") && !anchors(linked).contains(anchor)) {
                broken.add(page + ": " + target + " (no heading with that anchor in " + linked + ")");
            }
        }
        return broken;
    }

    /** The anchors GitHub gives a page's headings (duplicates get -1, -2...). */
    static Set<String> anchors(Path page) {
        String markdown;
        try {
            markdown = Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(FENCED_CODE.matcher(markdown).replaceAll(""));
        while (heading.find()) {
            String slug = slug(heading.group(1));
            int times = seen.merge(slug, 1, Integer::sum);
            anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
        }
        return anchors;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped (but - and _), spaces as -. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
