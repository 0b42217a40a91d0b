package com.pitchgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's "A first pitch" example still holds: the pitch of its curl command, sent to a server on
 * the shipped config.yml, gets the answer README shows. Strict on what a reader relies on (the
 * fields, the queue, the target, the language, the reasons' policies, signals and details, which one
 * decides); tolerant of numbers (scores, weights, fit), which move whenever the routing is tuned.
 * When it fails, it prints the server's answer to paste into README. And the screenshots of
 * docs/review.md are all there (ReviewPageBrowserTest checks that each page it sees has one).
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("README.md");
    /** The page that shows the review pages' screenshots; its images are relative to docs/. */
    private static final Path REVIEW_PAGE = Path.of("docs", "review.md");
    private static final Path IMAGES = Path.of("docs", "images");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @Test
    void theSubmittedPitchGetsTheAnswerReadmeShows() throws Exception {
        String section = section(Files.readString(README, StandardCharsets.UTF_8), "## A first pitch");
        String pitch = first(section, "curl -s localhost:8080/api/pitches [^\\n]*\\n\\s*-d '(\\{[^']*\\})'",
                "the curl command posting a pitch");
        JsonNode shown = JSON.readTree(first(section, "```json\\n(.*?)\\n```", "the answer shown, as a json block"));

        JsonNode answer = answerOfShippedServer(pitch);
        String paste = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(answer);
        String why = "README's example answer (section \"A first pitch\") no longer matches the server's; it now answers:\n"
                + paste + "\n";
        List<String> differences = new ArrayList<>();
        compare("", shown, answer, differences);
        assertThat(differences).as(why).isEmpty();
        assertThat(answer.path("queue").asText()).as("the queue README's text promises").isEqualTo("forward");
    }

    @Test
    void theScreenshotsTheReviewPageShowsAreThere() throws Exception {
        String page = Files.readString(REVIEW_PAGE, StandardCharsets.UTF_8);
        Matcher images = Pattern.compile("!\\[[^\\]]*\\]\\(images/([^)]+)\\)").matcher(page);
        java.util.Set<String> shown = new java.util.TreeSet<>();
        while (images.find()) {
            shown.add(images.group(1));
            assertThat(IMAGES.resolve(images.group(1))).as("an image " + REVIEW_PAGE + " shows").isRegularFile();
        }
        try (java.util.stream.Stream<Path> files = Files.list(IMAGES)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .as("every image under " + IMAGES + " is shown in " + REVIEW_PAGE).isEqualTo(List.copyOf(shown));
        }
    }

    /**
     * Adds to {@code differences} where the server's answer differs from README's, path by path:
     * objects must have the same fields, arrays the same length, texts and booleans the same values
     * (numbers in texts aside), numbers need only be numbers. A member's fit is keyed by member, so
     * field order is not compared.
     */
    private static void compare(String path, JsonNode shown, JsonNode actual, List<String> differences) {
        if (shown.isObject() && actual.isObject()) {
            List<String> shownFields = new ArrayList<>();
            shown.fieldNames().forEachRemaining(shownFields::add);
            List<String> actualFields = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualFields::add);
            if (!new java.util.TreeSet<>(shownFields).equals(new java.util.TreeSet<>(actualFields))) {
                differences.add(path + ": fields " + shownFields + " shown, " + actualFields + " answered");
                return;
            }
            shownFields.forEach(field -> compare(path + "." + field, shown.get(field), actual.get(field), differences));
        } else if (shown.isArray() && actual.isArray()) {
            if (shown.size() != actual.size()) {
                differences.add(path + ": " + shown.size() + " items shown, " + actual.size() + " answered: " + actual);
                return;
            }
            for (int i = 0; i < shown.size(); i++) {
                compare(path + "[" + i + "]", shown.get(i), actual.get(i), differences);
            }
        } else if (shown.isNumber() && actual.isNumber()) {
            // scores, weights, fit: tolerated
        } else if (shown.isTextual() && actual.isTextual()) {
            if (!withoutNumbers(shown.asText()).equals(withoutNumbers(actual.asText()))) {
                differences.add(path + ": \"" + shown.asText() + "\" shown, \"" + actual.asText() + "\" answered");
            }
        } else if (!shown.equals(actual)) {
            differences.add(path + ": " + shown + " shown, " + actual + " answered");
        }
    }

    private static String withoutNumbers(String text) {
        return NUMBER.matcher(text).replaceAll("#");
    }

    /** The answer of a server started as README says (config.yml, a key from new-key) to the pitch. */
    private static JsonNode answerOfShippedServer(String pitch) throws Exception {
        String database = TestApp.newDatabaseUrl();
        String key = ShippedConfigTest.newKey(database, "ingest");
        DropwizardTestSupport<PitchgateConfiguration> app = new DropwizardTestSupport<>(PitchgateApplication.class,
                "config.yml", TestApp.withDatabase(database,
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("logging.loggers.com\\.pitchgate", "WARN")));
        app.before();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + app.getLocalPort() + "/api/pitches"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(pitch)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body());
        } finally {
            app.after();
        }
    }

    /** A README section, from its heading to the next heading of the same level. */
    private static String section(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README has a section " + heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static String first(String text, String regex, String what) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertThat(matcher.find()).as("README shows " + what).isTrue();
        return matcher.group(1);
    }
}
