package com.pitchgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.crm.ContactRow;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.IntroRow;
import com.pitchgate.support.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Screening's plain-JDBC look-ups answer as the SqlObject with the same statements does, on each store. */
class CrmReaderTest {

    private static final String SPACE = "space-a";
    private static final long NOW = 1_700_000_000_000L;

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void answersAsTheSqlObjectDoes(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            Jdbi jdbi = database.jdbi();
            jdbi.useHandle(CrmReaderTest::seed);
            CrmReader reader = new CrmReader(database.dataSource());

            for (String email : List.of("paul@girard.example", "p.girard@girard.example", "nobody@example.org")) {
                assertThat(reader.contact(SPACE, email)).isEqualTo(jdbi.withExtension(CrmLookups.class, dao -> dao.contact(SPACE, email)));
            }
            assertThat(reader.contact(SPACE, "p.girard@girard.example")).map(ContactRow::name).contains("Paul Girard");
            assertThat(reader.contact("space-b", "paul@girard.example")).isEmpty();

            List<ContactRow> known = reader.knownContacts(SPACE, null);
            assertThat(known).extracting(ContactRow::email).containsExactlyInAnyOrder("paul@girard.example", "lea@bernard.example",
                    "tom@hale.example", "anna@maria.example", "annax@maria.example");
            assertThat(known).allMatch(ContactRow::known);
            assertThat(known).isEqualTo(jdbi.withExtension(CrmLookups.class, dao -> dao.knownContacts(SPACE, "%")));
            for (String word : List.of("hale", "girard", "a_m", "nobody")) {
                assertThat(reader.knownContacts(SPACE, word)).as(word).isEqualTo(
                        jdbi.withExtension(CrmLookups.class, dao -> dao.knownContacts(SPACE, LikePatterns.containing(word))));
            }
            // By a word: in any case for ASCII names; every name that is not ASCII, for the caller to fold.
            CrmMemory memory = reader;
            assertThat(memory.knownContacts(SPACE, "hale")).extracting(ContactRow::email)
                    .containsExactlyInAnyOrder("lea@bernard.example", "tom@hale.example");
            assertThat(memory.knownContacts(SPACE, "a_m")).extracting(ContactRow::email).as("_ is no wildcard")
                    .containsExactlyInAnyOrder("lea@bernard.example", "anna@maria.example");
            assertThat(memory.knownContacts(SPACE, "100%")).extracting(ContactRow::email).as("% is no wildcard")
                    .containsExactlyInAnyOrder("lea@bernard.example", "anna@maria.example");
            assertThat(memory.knownContacts(SPACE, null)).containsExactlyInAnyOrderElementsOf(known);

            for (String email : List.of("anna@brightlabs.example", "zoe@brightlabs.example", "lifted@example.org", "old@example.org")) {
                for (String organisation : new String[] {null, "brightlabs.example", "other.example"}) {
                    assertThat(reader.standingDecline(SPACE, email, organisation, NOW)).as(email + " at " + organisation)
                            .isEqualTo(jdbi.withExtension(CrmLookups.class, dao -> dao.standingDecline(SPACE, email, organisation, NOW)));
                }
            }
            Optional<DeclineRow> anna = reader.standingDecline(SPACE, "anna@brightlabs.example", "brightlabs.example", NOW);
            assertThat(anna).map(DeclineRow::expiresAt).as("the latest-expiring no").contains(NOW + 2_000);
            assertThat(anna).map(DeclineRow::pitchId).isEmpty();
            assertThat(reader.standingDecline(SPACE, "lifted@example.org", null, NOW)).isEmpty();
            assertThat(reader.standingDecline(SPACE, "zed@tie.example", "tie.example", NOW)).map(DeclineRow::scope)
                    .as("of two that expire together, the later one entered").contains("organisation");
            assertThat(reader.standingDecline(SPACE, "zed@tie.example", "other.example", NOW)).map(DeclineRow::scope).contains("sender");
            assertThat(reader.standingDecline(SPACE, "old@example.org", null, NOW)).isEmpty();

            for (String email : List.of("tom@acme.example", "eve@acme.example", "zed@elsewhere.example")) {
                for (String organisation : new String[] {null, "acme.example"}) {
                    assertThat(reader.introFor(SPACE, email, organisation)).as(email + " at " + organisation)
                            .isEqualTo(jdbi.withExtension(CrmLookups.class, dao -> dao.vouchingFor(SPACE, email, organisation)));
                }
            }
            assertThat(reader.introFor(SPACE, "tom@acme.example", "acme.example")).map(IntroRow::introducerName)
                    .as("the intro for the person before the one for the organisation").contains("Marie");
            assertThat(reader.introFor(SPACE, "eve@acme.example", "acme.example")).map(IntroRow::introducerName).contains("Luc");
            assertThat(reader.introFor(SPACE, "eve@acme.example", null)).isEmpty();
        }
    }

    private static void seed(Handle handle) {
        handle.execute("INSERT INTO contacts (id, space_id, email, name, organisation, known, first_seen, last_seen)"
                + " VALUES (1, ?, 'paul@girard.example', 'Paul Girard', 'girard.example', TRUE, 10, 20)", SPACE);
        handle.execute("INSERT INTO contacts (id, space_id, email, name, organisation, known, first_seen, last_seen)"
                + " VALUES (2, ?, 'stranger@example.org', '', NULL, FALSE, 30, 40)", SPACE);
        handle.execute("INSERT INTO contacts (id, space_id, email, name, organisation, known, first_seen, last_seen)"
                + " VALUES (3, ?, 'nameless@example.org', '', NULL, TRUE, 30, 40)", SPACE);
        String knownContact = "INSERT INTO contacts (id, space_id, email, name, organisation, known, first_seen, last_seen)"
                + " VALUES (?, ?, ?, ?, NULL, TRUE, 10, 20)";
        handle.execute(knownContact, 4, SPACE, "lea@bernard.example", "Léa Bernard");
        handle.execute(knownContact, 5, SPACE, "tom@hale.example", "TOM HALE");
        handle.execute(knownContact, 6, SPACE, "anna@maria.example", "Anna_Maria 100%");
        handle.execute(knownContact, 7, SPACE, "annax@maria.example", "Annaxmaria 1000");
        handle.execute(knownContact, 8, "space-b", "hale@other.example", "Tom Hale");
        handle.execute("INSERT INTO contact_addresses (space_id, email, contact_id) VALUES (?, 'paul@girard.example', 1)", SPACE);
        handle.execute("INSERT INTO contact_addresses (space_id, email, contact_id) VALUES (?, 'p.girard@girard.example', 1)", SPACE);
        handle.execute("INSERT INTO contact_addresses (space_id, email, contact_id) VALUES (?, 'stranger@example.org', 2)", SPACE);
        String decline = "INSERT INTO declines (space_id, scope, value, pitch_id, declined_at, expires_at, lifted_at)"
                + " VALUES (?, ?, ?, NULL, ?, ?, ?)";
        handle.execute(decline, SPACE, "sender", "anna@brightlabs.example", NOW - 5_000, NOW + 1_000, null);
        handle.execute(decline, SPACE, "organisation", "brightlabs.example", NOW - 4_000, NOW + 2_000, null);
        handle.execute(decline, SPACE, "sender", "lifted@example.org", NOW - 3_000, NOW + 9_000, NOW - 1_000);
        handle.execute(decline, SPACE, "sender", "old@example.org", NOW - 9_000, NOW - 1, null);
        handle.execute(decline, SPACE, "sender", "zed@tie.example", NOW - 2_000, NOW + 3_000, null);
        handle.execute(decline, SPACE, "organisation", "tie.example", NOW - 2_000, NOW + 3_000, null);
        String intro = "INSERT INTO intros (space_id, introducer_kind, introducer_ref, introducer_name, person_name, person_email,"
                + " organisation, note, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        handle.execute(intro, SPACE, "member", "m1", "Luc", null, null, "acme.example", null, "api", 1L);
        handle.execute(intro, SPACE, "member", "m2", "Marie", "Tom", "tom@acme.example", null, "knows him well", "api", 2L);
    }
}
