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
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A statement written with Jdbi's {@code :name} parameters (those of the SqlObjects), run with plain
 * JDBC: the same with {@code ?}s in their place, prepared once per connection ({@link PreparedStatements}).
 * For the statements every pitch runs, where Jdbi's handling of each statement (a context, its
 * configuration copied, arguments resolved by type, SqlObject proxies) cost several times the
 * statement (see docs/benchmarks.md).
 */
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

    /** Parameter values by name, from names and values in turn; unlike {@link Map#of}, a value may be null. */
    static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** Runs an INSERT, UPDATE or DELETE (or a SAVEPOINT and the like); how many rows it changed. */
    int update(Connection connection, Map<String, ?> values) {
        return run(connection, values, PreparedStatement::executeUpdate);
    }

    /** Runs a query (or a statement with RETURNING) and reads its first row, if there is one. */
    <T> Optional<T> first(Connection connection, Map<String, ?> values, RowReader<T> reader) {
        return query(connection, values, reader).stream().findFirst();
    }

    /** Runs a query (or a statement with RETURNING) and reads each of its rows. */
    <T> List<T> query(Connection connection, Map<String, ?> values, RowReader<T> reader) {
        return run(connection, values, statement -> {
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        });
    }

    private <T> T run(Connection connection, Map<String, ?> values, Execution<T> execution) {
        try {
            PreparedStatements.Use use = PreparedStatements.prepare(connection, jdbcSql);
            try {
                for (int i = 0; i < parameterNames.size(); i++) {
                    String name = parameterNames.get(i);
                    // A misspelt name would otherwise write NULL where a value was meant.
                    if (!values.containsKey(name)) {
                        throw new IllegalArgumentException("no value for :" + name + " in " + jdbcSql);
                    }
                    bind(use.statement(), i + 1, values.get(name));
                }
                return execution.run(use.statement());
            } finally {
                use.release();
            }
        } catch (SQLException | RuntimeException e) {
            PreparedStatements.discard(connection, jdbcSql);
            if (e instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new UnableToExecuteStatementException("statement failed: " + jdbcSql + ": " + e.getMessage(), e, null);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL); // PostgreSQL takes the column's type
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof Boolean truth) {
            statement.setBoolean(index, truth);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            throw new IllegalArgumentException("no binding for a " + value.getClass().getName());
        }
    }

    /** Reads a row of a result. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
