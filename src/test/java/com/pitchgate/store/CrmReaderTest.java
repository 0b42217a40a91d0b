package com.pitchgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.crm.ContactRow;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.IntroRow;
import com.pitchgate.support.TestDatabase;
import com.pitchgate.crm.KnownContacts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

            KnownContacts known = reader.knownContacts(SPACE);
            assertThat(known.all()).extracting(KnownContacts.Contact::email).containsExactly("paul@girard.example",
                    "nameless@example.org", "lea@bernard.example", "tom@hale.example", "anna@maria.example", "annax@maria.example");
            assertThat(known.all().get(0).addresses()).containsExactly("p.girard@girard.example", "paul@girard.example");
            assertThat(reader.knownContacts("space-b").all()).extracting(KnownContacts.Contact::name).containsExactly("Tom Hale");
            assertThat(reader.knownContacts("space-c").all()).isEmpty();
            Handle handle = jdbi.open();
            try {
                for (String email : List.of("paul@girard.example", "p.girard@girard.example", "stranger@example.org", "nobody@example.org",
                        "lea@bernard.example")) {
                    assertThat(known.byAddress(email).map(KnownContacts.Contact::email)).as(email).isEqualTo(
                            handle.createQuery(OLD_CONTACT).bind("spaceId", SPACE).bind("email", email).mapToMap().findFirst()
                                    .filter(row -> truthy(row.get("known"))).map(row -> (String) row.get("email")));
                }
                for (String domain : List.of("girard.example", "GIRARD.example", "maria.example", "example.org", "hale.example",
                        "other.example", "irard.example", "")) {
                    assertThat(known.atDomain(domain.toLowerCase(Locale.ROOT)).map(KnownContacts.Contact::email)).as(domain).isEqualTo(
                            handle.createQuery(OLD_AT_DOMAIN).bind("spaceId", SPACE)
                                    .bind("addressPattern", "%@" + LikePatterns.escaped(domain.toLowerCase(Locale.ROOT)))
                                    .mapTo(String.class).findFirst());
                }
                for (String organisation : List.of("girard.example", "Girard.Example", "acme", "")) {
                    assertThat(known.ofOrganisation(organisation.toLowerCase(Locale.ROOT)).map(KnownContacts.Contact::email))
                            .as(organisation).isEqualTo(handle.createQuery(OLD_OF_ORGANISATION).bind("spaceId", SPACE)
                                    .bind("name", organisation.toLowerCase(Locale.ROOT)).mapTo(String.class).findFirst());
                }
            } finally {
                handle.close();
            }
            // By the words of a name, accents and case folded.
            assertThat(known.calledBy(Set.of("hale"))).extracting(KnownContacts.Contact::email).containsExactly("tom@hale.example");
            assertThat(known.calledBy(Set.of("lea", "bernard"))).extracting(KnownContacts.Contact::email)
                    .containsExactly("lea@bernard.example");
            assertThat(known.calledBy(Set.of("anna_maria", "100%"))).extracting(KnownContacts.Contact::email)
                    .containsExactly("anna@maria.example");
            assertThat(known.calledBy(Set.of("anna"))).isEmpty();

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

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void theKnownContactsAreReadAgainExactlyWhenWhatIsKeptOfThemChanges(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            Jdbi jdbi = database.jdbi();
            jdbi.useHandle(CrmReaderTest::seed);
            CrmReader reader = new CrmReader(database.dataSource());
            KnownContacts first = reader.knownContacts(SPACE);
            assertThat(reader.knownContacts(SPACE)).isSameAs(first);
            reader.knownContacts("space-b");

            // What every pitch writes: its sender seen again (a known one too), a new sender and its address.
            String touch = "UPDATE contacts SET last_seen = ?, name = CASE WHEN name = '' THEN ? ELSE name END,"
                    + " organisation = coalesce(organisation, ?), known = (known OR ?) WHERE id = ?";
            jdbi.useHandle(handle -> handle.execute(touch, 99L, "Paul", "other.example", false, 1L));
            jdbi.useHandle(handle -> handle.execute(touch, 99L, "Someone", "other.example", false, 2L));
            jdbi.useHandle(handle -> handle.execute("INSERT INTO contacts (id, space_id, email, name, organisation, known, first_seen,"
                    + " last_seen) VALUES (20, ?, 'new@example.org', 'New Sender', NULL, FALSE, 50, 50)", SPACE));
            jdbi.useHandle(handle -> handle.createUpdate(CrmDao.ADD_ADDRESS).bind("spaceId", SPACE).bind("email", "new@example.org")
                    .bind("contactId", 20L).execute());
            jdbi.useHandle(handle -> handle.createUpdate(CrmDao.ADD_ADDRESS).bind("spaceId", SPACE).bind("email", "paul@girard.example")
                    .bind("contactId", 1L).execute());
            assertThat(reader.knownContacts(SPACE)).as("nothing kept changed").isSameAs(first);

            jdbi.useExtension(CrmDao.class, dao -> dao.markKnown(SPACE, 20L));
            KnownContacts second = reader.knownContacts(SPACE);
            assertThat(second.byAddress("new@example.org")).map(KnownContacts.Contact::name).contains("New Sender");
            assertThat(first.byAddress("new@example.org")).as("a snapshot never changes").isEmpty();

            jdbi.useHandle(handle -> handle.createUpdate(CrmDao.ADD_ADDRESS).bind("spaceId", SPACE).bind("email", "paul@work.example")
                    .bind("contactId", 1L).execute());
            assertThat(reader.knownContacts(SPACE).byAddress("paul@work.example")).map(KnownContacts.Contact::name).contains("Paul Girard");
            jdbi.useHandle(handle -> handle.createUpdate(CrmDao.ADD_ADDRESS).bind("spaceId", SPACE).bind("email", "paul@work.example")
                    .bind("contactId", 4L).execute());
            assertThat(reader.knownContacts(SPACE).byAddress("paul@work.example")).as("an address merged into another contact")
                    .map(KnownContacts.Contact::name).contains("Léa Bernard");
            jdbi.useHandle(handle -> handle.execute("DELETE FROM contact_addresses WHERE email = 'paul@work.example'"));
            assertThat(reader.knownContacts(SPACE).byAddress("paul@work.example")).isEmpty();

            jdbi.useHandle(handle -> handle.execute("UPDATE contacts SET name = 'Thomas Hale', organisation = 'Hale Ltd' WHERE id = 5"));
            KnownContacts renamed = reader.knownContacts(SPACE);
            assertThat(renamed.calledBy(Set.of("thomas"))).extracting(KnownContacts.Contact::email).containsExactly("tom@hale.example");
            assertThat(renamed.ofOrganisation("hale ltd")).isPresent();

            jdbi.useHandle(handle -> handle.execute("UPDATE contacts SET known = FALSE WHERE id = 5"));
            assertThat(reader.knownContacts(SPACE).calledBy(Set.of("thomas"))).isEmpty();
            KnownContacts current = reader.knownContacts(SPACE);
            jdbi.useHandle(handle -> handle.execute("INSERT INTO contacts (id, space_id, email, name, organisation, known, first_seen,"
                    + " last_seen) VALUES (21, 'space-b', 'known@b.example', 'Known In B', NULL, TRUE, 50, 50)"));
            assertThat(reader.knownContacts(SPACE)).as("another space's change").isSameAs(current);
            assertThat(reader.knownContacts("space-b").calledBy(Set.of("known"))).hasSize(1);
            jdbi.useHandle(handle -> handle.execute("DELETE FROM contact_addresses WHERE contact_id = 4"));
            jdbi.useHandle(handle -> handle.execute("DELETE FROM contacts WHERE id = 4"));
            assertThat(reader.knownContacts(SPACE).calledBy(Set.of("lea"))).isEmpty();
        }
    }

    /** The look-ups screening made before its known contacts were kept in memory, as the reference. */
    private static final String OLD_CONTACT = "SELECT c.email, c.known FROM contacts c JOIN contact_addresses a ON a.contact_id = c.id"
            + " WHERE a.space_id = :spaceId AND a.email = :email";
    private static final String OLD_AT_DOMAIN = "SELECT c.email FROM contacts c WHERE c.space_id = :spaceId AND c.known AND EXISTS"
            + " (SELECT 1 FROM contact_addresses a WHERE a.contact_id = c.id AND a.space_id = :spaceId AND a.email LIKE :addressPattern"
            + " ESCAPE '!') ORDER BY c.id LIMIT 1";
    private static final String OLD_OF_ORGANISATION = "SELECT c.email FROM contacts c WHERE c.space_id = :spaceId AND c.known"
            + " AND lower(c.organisation) = :name ORDER BY c.id LIMIT 1";

    private static boolean truthy(Object known) {
        return known instanceof Boolean b ? b : ((Number) known).intValue() != 0;
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
        handle.execute("INSERT INTO contact_addresses (space_id, email, contact_id) VALUES (?, 'lea@bernard.example', 4)", SPACE);
        handle.execute("INSERT INTO contact_addresses (space_id, email, contact_id) VALUES (?, 'tom@hale.example', 5)", SPACE);
        handle.execute("INSERT INTO contact_addresses (space_id, email, contact_id) VALUES (?, 'tom@HALE.example', 5)", SPACE);
        handle.execute("INSERT INTO contact_addresses (space_id, email, contact_id) VALUES (?, 'anna@maria.example', 6)", SPACE);
        handle.execute("INSERT INTO contact_addresses (space_id, email, contact_id) VALUES (?, 'annax@maria.example', 7)", SPACE);
        handle.execute("INSERT INTO contact_addresses (space_id, email, contact_id) VALUES ('space-b', 'hale@other.example', 8)");
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
