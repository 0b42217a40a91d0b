package com.pitchgate.store;

import com.pitchgate.crm.ContactRow;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.IntroRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;

/**
 * The look-ups of {@link CrmLookups} that screening makes for every pitch, run with plain JDBC on a
 * pooled connection ({@link NamedStatement}). Through Jdbi each cost several times the query: a handle,
 * an attached SqlObject, its configuration copied, a row mapper specialised for each result; together
 * a tenth of the CPU time of screening a typical e-mail (see docs/benchmarks.md). The rows are read by
 * column name.
 */
public final class CrmReader implements CrmMemory {

    private static final NamedStatement CONTACT = NamedStatement.of(CrmLookups.CONTACT);
    private static final NamedStatement KNOWN_CONTACTS = NamedStatement.of(CrmLookups.KNOWN_CONTACTS);
    private static final NamedStatement KNOWN_CONTACT_AT_DOMAIN = NamedStatement.of(CrmLookups.KNOWN_CONTACT_AT_DOMAIN);
    private static final NamedStatement KNOWN_CONTACT_OF_ORGANISATION = NamedStatement.of(CrmLookups.KNOWN_CONTACT_OF_ORGANISATION);
    private static final NamedStatement STANDING_DECLINE = NamedStatement.of(CrmLookups.STANDING_DECLINE);
    private static final NamedStatement VOUCHING_FOR = NamedStatement.of(CrmLookups.VOUCHING_FOR);

    private final DataSource dataSource;

    public CrmReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<ContactRow> contact(String spaceId, String email) {
        return first(CONTACT, Map.of("spaceId", spaceId, "email", email), CrmReader::contactRow);
    }

    /**
     * The known contacts with a name whose lower-cased name holds {@code word} (lower case; null for
     * all of them), and those whose name is not ASCII, which only folding accents can tell.
     */
    @Override
    public List<ContactRow> knownContacts(String spaceId, String word) {
        String namePattern = word == null ? "%" : LikePatterns.containing(word);
        return query(KNOWN_CONTACTS, Map.of("spaceId", spaceId, "namePattern", namePattern), CrmReader::contactRow);
    }

    @Override
    public Optional<ContactRow> knownContactAtDomain(String spaceId, String domain) {
        return first(KNOWN_CONTACT_AT_DOMAIN, Map.of("spaceId", spaceId, "addressPattern", "%@" + LikePatterns.escaped(domain)),
                CrmReader::contactRow);
    }

    @Override
    public Optional<ContactRow> knownContactOfOrganisation(String spaceId, String name) {
        return first(KNOWN_CONTACT_OF_ORGANISATION, Map.of("spaceId", spaceId, "name", name), CrmReader::contactRow);
    }

    @Override
    public Optional<DeclineRow> standingDecline(String spaceId, String email, String organisation, long now) {
        return first(STANDING_DECLINE, NamedStatement.values("spaceId", spaceId, "email", email, "organisation", organisation, "now", now),
                CrmReader::declineRow);
    }

    @Override
    public Optional<IntroRow> introFor(String spaceId, String email, String organisation) {
        return first(VOUCHING_FOR, NamedStatement.values("spaceId", spaceId, "email", email, "organisation", organisation),
                CrmReader::introRow);
    }

    private <T> Optional<T> first(NamedStatement statement, Map<String, Object> parameters, NamedStatement.RowReader<T> reader) {
        return query(statement, parameters, reader).stream().findFirst();
    }

    private <T> List<T> query(NamedStatement statement, Map<String, Object> parameters, NamedStatement.RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection()) {
            return statement.query(connection, parameters, reader);
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
    }

    private static ContactRow contactRow(ResultSet row) throws SQLException {
        return new ContactRow(row.getLong("id"), row.getString("space_id"), row.getString("email"), row.getString("name"),
                row.getString("organisation"), row.getBoolean("known"), row.getLong("first_seen"), row.getLong("last_seen"));
    }

    private static DeclineRow declineRow(ResultSet row) throws SQLException {
        return new DeclineRow(row.getLong("id"), row.getString("space_id"), row.getString("scope"), row.getString("value"),
                nullableLong(row, "pitch_id"), row.getLong("declined_at"), row.getLong("expires_at"),
                nullableLong(row, "lifted_at"));
    }

    private static IntroRow introRow(ResultSet row) throws SQLException {
        return new IntroRow(row.getLong("id"), row.getString("space_id"), row.getString("introducer_kind"),
                row.getString("introducer_ref"), row.getString("introducer_name"), row.getString("person_name"),
                row.getString("person_email"), row.getString("organisation"), row.getString("note"), row.getString("source"),
                row.getLong("created_at"));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
