package com.pitchgate.store;

import com.pitchgate.crm.ContactRow;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.IntroRow;
import com.pitchgate.crm.KnownContacts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;

/**
 * The look-ups of {@link CrmLookups} that screening makes for every pitch, run with plain JDBC on a
 * pooled connection ({@link NamedStatement}). Through Jdbi each cost several times the query: a handle,
 * an attached SqlObject, its configuration copied, a row mapper specialised for each result; together
 * a tenth of the CPU time of screening a typical e-mail (see docs/benchmarks.md). The rows are read by
 * column name.
 *
 * <p>The known contacts of each space are kept in memory: a pitch reads only their version (a row that
 * triggers count up whenever they change, migration V13, whoever changes them: this server, another one
 * sharing a PostgreSQL store, the import command) and reads them again when it moved. They were four to
 * six statements a pitch (the sender's address, each name and organisation the pitch gives, its domain).
 */
public final class CrmReader implements CrmMemory {

    private static final NamedStatement CONTACT = NamedStatement.of(CrmLookups.CONTACT);
    private static final NamedStatement KNOWN_CONTACTS = NamedStatement.of(CrmLookups.KNOWN_CONTACTS);
    private static final NamedStatement KNOWN_CONTACTS_VERSION = NamedStatement.of(CrmLookups.KNOWN_CONTACTS_VERSION);
    private static final NamedStatement STANDING_DECLINE = NamedStatement.of(CrmLookups.STANDING_DECLINE);
    private static final NamedStatement VOUCHING_FOR = NamedStatement.of(CrmLookups.VOUCHING_FOR);

    private final DataSource dataSource;
    private final Map<String, Kept> knownBySpace = new ConcurrentHashMap<>();

    /** A space's known contacts as read when its version was {@code version} (or later). */
    private record Kept(long version, KnownContacts contacts) {
    }

    public CrmReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<ContactRow> contact(String spaceId, String email) {
        return first(CONTACT, Map.of("spaceId", spaceId, "email", email), CrmReader::contactRow);
    }

    /**
     * The space's known contacts, read again only when their version moved since they were last read.
     * They are tagged with the version read before them: a change committed in between moves it again,
     * so the next pitch reads them once more, and no pitch is screened with contacts older than the
     * version it read.
     */
    @Override
    public KnownContacts knownContacts(String spaceId) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Object> space = Map.of("spaceId", spaceId);
            long version = KNOWN_CONTACTS_VERSION.first(connection, space, row -> row.getLong("version")).orElse(0L);
            Kept kept = knownBySpace.get(spaceId);
            if (kept != null && kept.version() == version) {
                return kept.contacts();
            }
            KnownContacts read = KnownContacts.of(contacts(KNOWN_CONTACTS.query(connection, space, KnownAddress::of)));
            knownBySpace.merge(spaceId, new Kept(version, read), (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
            return read;
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
    }

    /** A row of {@link CrmLookups#KNOWN_CONTACTS}: a known contact and one of its addresses (or null). */
    private record KnownAddress(long id, String email, String name, String organisation, String address) {

        static KnownAddress of(ResultSet row) throws SQLException {
            return new KnownAddress(row.getLong("id"), row.getString("email"), row.getString("name"),
                    row.getString("organisation"), row.getString("address"));
        }
    }

    /** The rows of each contact (they come by contact) made one contact with all its addresses. */
    private static List<KnownContacts.Contact> contacts(List<KnownAddress> rows) {
        List<KnownContacts.Contact> contacts = new ArrayList<>();
        int from = 0;
        while (from < rows.size()) {
            KnownAddress first = rows.get(from);
            List<String> addresses = new ArrayList<>();
            int to = from;
            for (; to < rows.size() && rows.get(to).id() == first.id(); to++) {
                if (rows.get(to).address() != null) {
                    addresses.add(rows.get(to).address());
                }
            }
            contacts.add(new KnownContacts.Contact(first.email(), first.name(), first.organisation(), addresses));
            from = to;
        }
        return contacts;
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
