package com.pitchgate.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.support.Json;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MessageIntakeTest} on the embedded SQLite store. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MessageIntakeOnSqliteTest extends MessageIntakeTest {

    static final DropwizardAppExtension<PitchgateConfiguration> APP = TestApp.extension();

    @Override
    protected DropwizardAppExtension<PitchgateConfiguration> app() {
        return APP;
    }

    /** A mail is recognised by its Message-ID when it has one: its content's hash is then neither computed nor kept. */
    @Test
    void theContentHashIsKeptForMailWithoutAMessageIdOnly() throws Exception {
        String withoutId = "From: Sara Klein <sara@ledgerly.example>\r\nTo: sophie@lafabrique.example\r\nSubject: Hash\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nHello, what are your rates for a day pass?\r\n";
        String withId = withoutId.replace("Subject: Hash", "Subject: Hash\r\nMessage-ID: <hash-test@ledgerly.example>");
        long hashed = Json.body(TestApp.postMessage(APP, withoutId)).path("id").asLong();
        long identified = Json.body(TestApp.postMessage(APP, withId)).path("id").asLong();

        assertThat(contentHash(hashed)).isEqualTo(IntakeService.sha256(withoutId.getBytes(StandardCharsets.UTF_8)));
        assertThat(contentHash(identified)).isEmpty();
    }

    private static String contentHash(long pitch) throws Exception {
        try (Connection connection = DriverManager.getConnection(APP.getConfiguration().getDatabase().getUrl());
                PreparedStatement statement = connection.prepareStatement("SELECT content_hash FROM pitches WHERE id = ?")) {
            statement.setLong(1, pitch);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
