package com.pitchgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.extract.FormSubmission;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.extract.TikaTextExtractor;
import com.pitchgate.support.TestApp;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class RehearsalTest {

    /** Its first line longer than a quoted-printable line, so that it is broken softly there. */
    private static final String TEXT = "Bonjour, nous cherchons un bureau pour une équipe de quatre personnes, avec une salle"
            + " de réunion / pour trois mois & plus, à côté de la gare";

    /** Scratch folders left by other processes (one killed mid-rehearsal, say): before the application starts. */
    static final List<String> FOLDERS_BEFORE = rehearsalFolders();
    /** One such folder, left hours ago by a server that died while it rehearsed. */
    static final Path ABANDONED = abandonedFolder();
    static final DropwizardAppExtension<PitchgateConfiguration> APP = TestApp.extension(
            ConfigOverride.config("intake.warmUpMessages", "40"));

    @Test
    void everyMessageIsAnsweredThroughTheApiAndNothingReachesTheRealStore() throws Exception {
        assertThat(APP.getEnvironment().metrics().counter("com.pitchgate.Rehearsal.answered").getCount()).isEqualTo(40);
        assertThat(count(APP, "SELECT count(*) FROM pitches")).isZero();
        assertThat(count(APP, "SELECT count(*) FROM contacts WHERE email LIKE 'rehearsal%'")).isZero();
        assertThat(FOLDERS_BEFORE).containsAll(rehearsalFolders());
    }

    @Test
    void removesTheScratchFoldersOfServersThatDiedWhileRehearsing() {
        assertThat(ABANDONED).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void eachShapeOfMessageIsReadBackToItsText(int number) {
        MailExtractor extractor = new MailExtractor(new TikaTextExtractor(10_000, 1), new ExtractionConfig());

        ExtractedPitch pitch = extractor.extract(RehearsalMessages.email(number, TEXT).getBytes(StandardCharsets.UTF_8));

        assertThat(pitch.body()).contains("nous cherchons un bureau pour une équipe de quatre personnes, avec une salle de réunion")
                .contains("pour trois mois & plus, à côté de la gare");
        assertThat(pitch.problems()).isEmpty();
    }

    @Test
    void theFormPostsAreWebFormPitches() throws Exception {
        ObjectMapper json = Jackson.newObjectMapper();

        FormSubmission form = json.readValue(RehearsalMessages.form(9, TEXT + " \"quoted\""), FormSubmission.class);

        assertThat(form.email()).isEqualTo("rehearsal-9@pitchgate.invalid");
        assertThat(form.message()).endsWith("salle de réunion\npour trois mois & plus, à côté de la gare \"quoted\"");
    }

    private static Path abandonedFolder() {
        try {
            Path folder = Files.createTempDirectory(ScratchFolders.PREFIX);
            Files.writeString(folder.resolve("rehearsal.db"), "a store");
            Files.createFile(folder.resolve(ScratchFolders.LOCK_FILE));
            Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> rehearsalFolders() {
        String[] names = new File(System.getProperty("java.io.tmpdir")).list((folder, name) -> name.startsWith("pitchgate-rehearsal"));
        return names == null ? List.of() : Arrays.stream(names).sorted().toList();
    }

    static long count(DropwizardAppExtension<PitchgateConfiguration> app, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(app.getConfiguration().getDatabase().getUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
