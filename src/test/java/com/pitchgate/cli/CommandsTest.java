package com.pitchgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.Commands;
import com.pitchgate.support.ConfigFiles;
import io.dropwizard.testing.ResourceHelpers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train and evaluate commands as {@code java -jar pitchgate.jar} runs them: their output, and
 * the status the process ends with.
 */
class CommandsTest {

    @TempDir
    Path folder;

    private Path data;
    private Path storeFile;
    private Path config;

    @BeforeEach
    void configure() throws IOException {
        data = Files.createDirectories(folder.resolve("labeled"));
        storeFile = folder.resolve("store").resolve("pitchgate.db");
        config = ConfigFiles.testConfig(c -> c.with("database").put("url", "jdbc:sqlite:" + storeFile));
    }

    @Test
    void evaluateBreaksTheBoundWhenAGenuineInquiryIsDeclined() throws IOException {
        write("forward/office.json", """
                {"genuineInquiry": true, "email": "anna@brightlabs.example",
                 "message": "Hello, we are looking for a private office for three people from February. What are your rates?"}
                """);
        write("forward/venue.eml", declinedInquiry());
        write("seo.eml", """
                From: SEO <contact@seo-agence.example>
                Subject: Visibilité
                X-Pitchgate-Expected-Queue: auto_decline

                Madame, Monsieur, notre agence propose des services de référencement SEO pour améliorer votre visibilité.
                """);
        write("README.md", "Three pitches, for the evaluate command's tests.");

        // The venue's sender is block-listed: a genuine inquiry the configuration itself declines.
        config = ConfigFiles.testConfig(c -> {
            c.with("database").put("url", "jdbc:sqlite:" + storeFile);
            ((com.fasterxml.jackson.databind.node.ObjectNode) c.withArray("spaces").get(0)).putArray("block").add("venue-finder.example");
        });
        Commands.Run strict = Commands.run("evaluate", config.toString(), data.toString());

        assertThat(strict.exitStatus()).as(strict.toString()).isEqualTo(CommandFailure.BOUND_BROKEN);
        assertThat(strict.out()).contains("3 pitches from " + data + ", screened for space la-fabrique; learned model: none")
                .containsPattern("expected \\\\ actual +forward +requires_intro +auto_decline +total")
                .containsPattern("forward +1 +0 +1 +2")
                .containsPattern("requires_intro +0 +0 +0 +0")
                .containsPattern("auto_decline +0 +0 +1 +1")
                .containsPattern("forward +1\\.000 +0\\.500")
                .containsPattern("requires_intro +n/a +n/a")
                .containsPattern("auto_decline +0\\.500 +1\\.000")
                .contains("accuracy 0.667 (2 of 3)")
                .contains("genuine inquiries sent to auto_decline: 0.500 (1 of 2), bound 0.000: ABOVE THE BOUND")
                .containsPattern("forward/venue.eml: expected forward, got auto_decline \\(.+\\) \\[genuine inquiry\\]");
        assertThat(strict.err()).isEqualTo("1 of 2 genuine inquiries were sent to auto_decline (rate 0.500, bound 0.000)\n");
        assertThat(storeFile).as("evaluate stores nothing, and creates no store").doesNotExist();

        Commands.Run lenient = Commands.run("evaluate", config.toString(), data.toString(),
                "--max-declined-inquiry-rate", "0.5", "--no-learned");
        assertThat(lenient.exitStatus()).as(lenient.toString()).isZero();
        assertThat(lenient.out()).contains("learned model: left out (--no-learned)")
                .contains("bound 0.500: within");
    }

    @Test
    void evaluateKnowsTheContactsTheConfigurationLists() {
        // Declined on its words, from anyone else; Paul Girard is a contact of the space in test-config.yml.
        write("forward/paul.json", "{\"email\": \"paul@girard-conseil.example\", \"message\": \"Madame, Monsieur, notre agence"
                + " propose des services de référencement SEO. Je vous propose un appel de 15 minutes.\"}");

        Commands.Run run = Commands.run("evaluate", config.toString(), data.toString());

        assertThat(run.exitStatus()).as(run.toString()).isZero();
        assertThat(run.out()).contains("accuracy 1.000 (1 of 1)").doesNotContain("misrouted");
    }

    @Test
    void evaluateNamesEachFileItCannotUse() throws IOException {
        write("forward/fine.json", "{\"email\": \"a@b.example\", \"message\": \"Do you have a desk?\"}");
        write("unsorted.json", "{\"email\": \"a@b.example\", \"message\": \"Which queue am I in?\"}");
        write("forward/disagrees.json", "{\"expectedQueue\": \"auto_decline\", \"email\": \"a@b.example\", \"message\": \"Hi\"}");
        write("forward/misspelt.json", "{\"emial\": \"a@b.example\", \"message\": \"Hi\"}");
        write("auto_decline/not-mail.eml", "just some text\n");
        write("auto_decline/maybe.eml", "From: x@y.example\nX-Pitchgate-Genuine-Inquiry: perhaps\n\nHello\n");

        Commands.Run run = Commands.run("evaluate", config.toString(), data.toString());

        assertThat(run.exitStatus()).as(run.toString()).isEqualTo(CommandFailure.ERROR);
        assertThat(run.err()).contains("5 file(s) of the data set cannot be used")
                .contains("unsorted.json: no expected queue: put it in a folder named forward, requires_intro, auto_decline")
                .contains("forward/disagrees.json: it says auto_decline but is in a forward folder")
                .contains("forward/misspelt.json: not a web-form pitch: Unrecognized field \"emial\"")
                .contains("auto_decline/not-mail.eml: not an RFC 822 message")
                .contains("auto_decline/maybe.eml: header X-Pitchgate-Genuine-Inquiry must be yes or no, not 'perhaps'")
                .doesNotContain("fine.json").doesNotContain("\tat ");
    }

    @Test
    void evaluateRefusesAMissingFolderAndAnUnknownSpace() {
        Commands.Run missing = Commands.run("evaluate", config.toString(), folder.resolve("nowhere").toString());
        assertThat(missing.exitStatus()).isEqualTo(CommandFailure.ERROR);
        assertThat(missing.err()).contains("nowhere does not exist");

        write("forward/fine.json", "{\"email\": \"a@b.example\", \"message\": \"Do you have a desk?\"}");
        Commands.Run unknown = Commands.run("evaluate", config.toString(), data.toString(), "--space", "la-ruche");
        assertThat(unknown.exitStatus()).isEqualTo(CommandFailure.ERROR);
        assertThat(unknown.err()).contains("unknown space 'la-ruche': configured spaces are [la-fabrique]");
    }

    /** --spaces screens for another profile with the same settings, and says what is wrong with its file. */
    @Test
    void evaluateJudgesForTheSpacesOfAnotherFile() throws IOException {
        write("forward/fine.json", "{\"email\": \"a@b.example\", \"message\": \"Do you have a desk?\"}");
        Path spaces = folder.resolve("spaces.yml");
        Files.writeString(spaces, "spaces:\n  - id: atelier-bleu\n    name: Atelier Bleu\n    languages: [fr]\n"
                + "    manager: {name: Léa, email: lea@atelier-bleu.example}\n    description: Atelier de céramique\n");
        Commands.Run run = Commands.run("evaluate", config.toString(), data.toString(), "--spaces", spaces.toString());
        assertThat(run.exitStatus()).as(run.toString()).isZero();
        assertThat(run.out()).contains("screened for space atelier-bleu");

        Files.writeString(spaces, "spaces:\n  - id: Atelier Bleu\n    name: Atelier Bleu\n    manager: {name: Léa, email: lea@x.example}\n");
        Commands.Run invalid = Commands.run("evaluate", config.toString(), data.toString(), "--spaces", spaces.toString());
        assertThat(invalid.exitStatus()).isEqualTo(CommandFailure.ERROR);
        assertThat(invalid.err()).contains("spaces.yml: id must be lower-case letters, digits and dashes");

        Commands.Run missing = Commands.run("evaluate", config.toString(), data.toString(), "--spaces", folder.resolve("none.yml").toString());
        assertThat(missing.exitStatus()).isEqualTo(CommandFailure.ERROR);
        assertThat(missing.err()).contains("none.yml does not exist");
    }

    @Test
    void trainSaysWhatIsMissingWhenTheStoreHasTooFewExamples() {
        Commands.Run run = Commands.run("train", config.toString());

        assertThat(run.exitStatus()).as(run.toString()).isEqualTo(CommandFailure.ERROR);
        assertThat(run.out()).contains("la-fabrique: not trained: 0 examples (forward 0, requires_intro 0, auto_decline 0),"
                + " 0 overridden; a model needs at least 30 examples");
        assertThat(run.err()).contains("no model was trained");

        Commands.Run unknown = Commands.run("train", config.toString(), "--space", "la-ruche");
        assertThat(unknown.exitStatus()).isEqualTo(CommandFailure.ERROR);
        assertThat(unknown.err()).contains("unknown space 'la-ruche'");
    }

    /** A genuine inquiry sent with a mailing tool, merge fields left in: the rules decline it. */
    static String declinedInquiry() {
        try {
            return Files.readString(Path.of(ResourceHelpers.resourceFilePath("commands/declined-inquiry.eml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void write(String name, String content) {
        try {
            Path file = data.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
