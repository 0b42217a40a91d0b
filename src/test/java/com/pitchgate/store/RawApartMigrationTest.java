package com.pitchgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pitches stored before the raw message moved to a table of its own are still whole after the move (V9). */
class RawApartMigrationTest {

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void pitchesStoredBeforeKeepTheirRawMessage(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            String url = database.url();
            String user = database.user();
            String password = database.password();
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/" + vendor.folder())
                    .target("8").load().migrate();
            byte[] raw = "From: a@x.example\r\nSubject: Desk\r\n\r\nHello\r\n".getBytes(StandardCharsets.UTF_8);
            Jdbi.create(url, user, password).useHandle(handle -> handle.createUpdate(
                    "INSERT INTO pitches (space_id, channel, raw, content_hash, message_id, received_at, state, attempts)"
                            + " VALUES ('s', 'email', :raw, 'h1', '<m1@x>', 1, 'received', 0)").bind("raw", raw).execute());

            PitchStore store = new PitchStore(database.jdbi()); // migrates to the latest version
            List<ClaimedPitch> claimed = store.claimUndecided(Instant.ofEpochMilli(2), Duration.ofMinutes(1), 0, 10);

            assertThat(claimed).singleElement().satisfies(claim -> {
                assertThat(claim.rawBytes()).isEqualTo(raw.length);
                assertThat(store.readClaimed(claim).orElseThrow().raw()).isEqualTo(raw);
                assertThat(store.find(claim.id()).orElseThrow().raw()).isEqualTo(raw);
            });
        }
    }
}
