package com.pitchgate.store;

import com.pitchgate.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.Test;

/**
 * The look-ups screening (and receiving) makes for every pitch search indexes, whatever statistics SQLite holds: a
 * look-up that reads a whole table costs nothing on a test store and milliseconds on a store of 10^6
 * pitches, which no functional test would notice.
 */
class ScreeningLookupPlansTest {

    private static final Map<String, String> LOOKUPS = Map.of(
            "contact", CrmLookups.CONTACT,
            "known contacts", CrmLookups.KNOWN_CONTACTS,
            "known contacts' version", CrmLookups.KNOWN_CONTACTS_VERSION,
            "standing decline", CrmLookups.STANDING_DECLINE,
            "vouching for", CrmLookups.VOUCHING_FOR,
            "earlier pitch with the Message-ID", PreparedWrites.PITCH_WITH_MESSAGE_ID,
            "earlier pitch with the content", PreparedWrites.PITCH_WITH_HASH);
    private static final Pattern SEARCH = Pattern.compile("SEARCH \\w+ USING (?:COVERING )?INDEX (\\w+) \\((.*)\\)");
    /** A range of a column after the equalities: "expires_at>?" leaves in all the rows that have not expired. */
    private static final Pattern RANGE = Pattern.compile(" AND \\w+[<>]=?\\?");

    @Test
    void searchIndexesWithoutStatistics() throws Exception {
        try (TestDatabase database = TestDatabase.create(Database.Vendor.SQLITE)) {
            database.jdbi().useHandle(handle -> {
                seed(handle, 0, 50);
                assertSearchesOnly(handle);
            });
        }
    }

    @Test
    void searchIndexesWithStatisticsTakenWhenTheCrmWasEmpty() throws Exception {
        try (TestDatabase database = TestDatabase.create(Database.Vendor.SQLITE)) {
            database.jdbi().useHandle(handle -> {
                handle.execute("ANALYZE");
                seed(handle, 0, 2_000); // the CRM grew since
                assertSearchesOnly(handle);
            });
        }
    }

    @Test
    void searchIndexesWithStatisticsOfAGrownCrm() throws Exception {
        try (TestDatabase database = TestDatabase.create(Database.Vendor.SQLITE)) {
            database.jdbi().useHandle(handle -> {
                seed(handle, 0, 2_000);
                handle.execute("ANALYZE");
                assertSearchesOnly(handle);
            });
        }
    }

    /**
     * Each step searches an index by more than the space: reading all of a space's rows through the
     * index on its id is a scan all the same, unless the index is partial (it holds only the rows of
     * its WHERE, such as the known contacts) or unique on the space alone (a row per space: the known contacts' version).
     */
    private static void assertSearchesOnly(Handle handle) {
        handle.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        List<String> partialIndexes = handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'")
                .mapTo(String.class).list();
        // Unique on the searched column alone: at most one row a space.
        List<String> uniqueIndexes = handle.createQuery("SELECT i.name FROM sqlite_master t, pragma_index_list(t.name) i"
                + " WHERE t.type = 'table' AND i.\"unique\" AND (SELECT count(*) FROM pragma_index_info(i.name)) = 1")
                .mapTo(String.class).list();
        SoftAssertions softly = new SoftAssertions();
        LOOKUPS.forEach((name, sql) -> {
            Query plan = handle.createQuery("EXPLAIN QUERY PLAN " + sql)
                    .bind("spaceId", "space-a").bind("email", "p7@org7.example").bind("organisation", "org7.example")
                    .bind("now", 1_700_000_000_000L).bind("namePattern", "%person%")
                    .bind("messageId", "<7@org7.example>").bind("contentHash", "c0ffee")
                    .bind("addressPattern", "%@org7.example").bind("name", "org7.example");
            List<String> steps = plan.map((row, context) -> row.getString("detail")).list();
            softly.assertThat(steps).as(name).anyMatch(step -> step.startsWith("SEARCH "));
            for (String step : steps) {
                Matcher search = SEARCH.matcher(step);
                if (search.matches()) {
                    String equalities = RANGE.matcher(search.group(2)).replaceAll("");
                    softly.assertThat(equalities.equals("space_id=?") && !partialIndexes.contains(search.group(1))
                                    && !uniqueIndexes.contains(search.group(1)))
                            .as(name + " reads all of the space's rows: " + steps).isFalse();
                } else {
                    // "SCAN vouching": the look-up's own result of at most two rows, not a table.
                    softly.assertThat(step.startsWith("SCAN ") && !step.equals("SCAN vouching") && !step.equals("SCAN standing"))
                            .as(name + " reads a whole table: " + steps).isFalse();
                }
            }
        });
        softly.assertAll();
    }

    /** Contacts (one in a hundred known), their addresses, "no"s and intros, numbered from {@code from}. */
    private static void seed(Handle handle, int from, int to) {
        for (int i = from; i < to; i++) {
            String email = "p" + i + "@org" + i + ".example";
            handle.execute("INSERT INTO contacts (id, space_id, email, name, organisation, known, first_seen, last_seen)"
                    + " VALUES (?, 'space-a', ?, ?, ?, ?, 1, 1)", i + 1, email, "Person " + i, "org" + i + ".example", i % 100 == 0);
            handle.execute("INSERT INTO contact_addresses (space_id, email, contact_id) VALUES ('space-a', ?, ?)", email, i + 1);
            // Most "no"s of a space still stand: they last a year by default.
            handle.execute("INSERT INTO declines (space_id, scope, value, declined_at, expires_at) VALUES ('space-a', 'sender', ?, 1, ?)",
                    email, i % 10 == 0 ? 2L : 1_800_000_000_000L);
            handle.execute("INSERT INTO intros (space_id, introducer_kind, introducer_ref, introducer_name, person_email,"
                    + " organisation, source, created_at) VALUES ('space-a', 'member', 'm1', 'Marie', ?, ?, 'import', 1)",
                    email, i % 2 == 0 ? null : "org" + i + ".example");
        }
    }
}
