package com.pitchgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The look-ups of {@link CrmLookups} that screening makes for every pitch, run with plain JDBC on a
 * pooled connection. Through Jdbi each cost several times the query: a handle, an attached SqlObject,
 * its configuration copied, a row mapper specialised for each result; together a tenth of the CPU
 * time of screening a typical e-mail (see README, Benchmarks). The statements are those of
 * {@link CrmLookups}, their named parameters bound in place; the rows are read by column name.
 */
public final class CrmReader {

    private static final NamedStatement CONTACT = NamedStatement.of(CrmLookups.CONTACT);
    private static final NamedStatement KNOWN_CONTACTS = NamedStatement.of(CrmLookups.KNOWN_CONTACTS);
    private static final NamedStatement STANDING_DECLINE = NamedStatement.of(CrmLookups.STANDING_DECLINE);
    private static final NamedStatement VOUCHING_FOR = NamedStatement.of(CrmLookups.VOUCHING_FOR);

    private final DataSource dataSource;

    public CrmReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<ContactRow> contact(String spaceId, String email) {
        return first(CONTACT, Map.of("spaceId", spaceId, "email", email), CrmReader::contactRow);
    }

    /**
     * The known contacts with a name whose lower-cased name holds {@code word} (lower case; null for
     * all of them), and those whose name is not ASCII, which only folding accents can tell.
     */
    public List<ContactRow> knownContacts(String spaceId, String word) {
        String namePattern = word == null ? "%" : LikePatterns.containing(word);
        return query(KNOWN_CONTACTS, Map.of("spaceId", spaceId, "namePattern", namePattern), CrmReader::contactRow);
    }

    public Optional<DeclineRow> standingDecline(String spaceId, String email, String organisation, long now) {
        return first(STANDING_DECLINE, parameters("spaceId", spaceId, "email", email, "organisation", organisation, "now", now),
                CrmReader::declineRow);
    }

    public Optional<IntroRow> vouchingFor(String spaceId, String email, String organisation) {
        return first(VOUCHING_FOR, parameters("spaceId", spaceId, "email", email, "organisation", organisation),
                CrmReader::introRow);
    }

    private <T> Optional<T> first(NamedStatement statement, Map<String, Object> parameters, RowReader<T> reader) {
        return query(statement, parameters, reader).stream().findFirst();
    }

    private <T> List<T> query(NamedStatement statement, Map<String, Object> parameters, RowReader<T> reader) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
        try (connection; PreparedStatement prepared = connection.prepareStatement(statement.jdbcSql())) {
            List<String> names = statement.parameterNames();
            for (int i = 0; i < names.size(); i++) {
                bind(prepared, i + 1, parameters.get(names.get(i)));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = prepared.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("CRM look-up failed: " + statement.jdbcSql(), e, null);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR); // only the organisation may be missing
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else {
            statement.setString(index, (String) value);
        }
    }

    /** Like {@link Map#of}, with room for a missing value. */
    private static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
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

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A statement written with Jdbi's {@code :name} parameters, and the same for JDBC, with {@code ?}s in their place. */
    record NamedStatement(String jdbcSql, List<String> parameterNames) {

        private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

        static NamedStatement of(String sql) {
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(sql);
            StringBuilder jdbcSql = new StringBuilder();
            while (matcher.find()) {
                names.add(matcher.group(1));
                matcher.appendReplacement(jdbcSql, "?");
            }
            matcher.appendTail(jdbcSql);
            return new NamedStatement(jdbcSql.toString(), List.copyOf(names));
        }
    }
}
