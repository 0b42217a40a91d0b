package com.pitchgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.apache.tomcat.jdbc.pool.PooledConnection;

/**
 * Statements prepared once per pooled connection and kept with it, for the statements every pitch
 * runs. Preparing is SQLite compiling the statement: for the dozen statements of each pitch, most of
 * the native time of the group-commit writer and of screening's look-ups. The pool's own statement
 * cache (tomcat-jdbc's StatementCache interceptor) keeps only statements the driver calls poolable,
 * and sqlite-jdbc calls none poolable.
 *
 * <p>The statements live in the pooled connection's attributes, so they go when the pool closes the
 * connection. A statement is prepared on the physical connection, so that running it skips the pool's
 * reflective proxies, and is never closed by its users: they close its result sets and bind every
 * parameter before each run. A pooled connection is used by one thread at a time (the pool hands it
 * over with the synchronisation that makes its state visible), so its statements are too. On a
 * connection from elsewhere (no tomcat-jdbc pool), statements are prepared for each use and closed.
 */
final class PreparedStatements {

    private static final String ATTRIBUTE = PreparedStatements.class.getName();

    private PreparedStatements() {
    }

    /**
     * The statement for {@code sql} on this connection: to run and leave open when {@link Use#kept},
     * to close after use otherwise.
     */
    static Use prepare(Connection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> kept = kept(connection);
        if (kept == null) {
            return new Use(connection.prepareStatement(sql), false);
        }
        PreparedStatement statement = kept.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.unwrap(Connection.class).prepareStatement(sql);
            kept.put(sql, statement);
        }
        return new Use(statement, true);
    }

    /** Closes and forgets the statement for {@code sql} (after it failed: it is prepared afresh next time). */
    static void discard(Connection connection, String sql) {
        Map<String, PreparedStatement> kept = kept(connection);
        PreparedStatement statement = kept == null ? null : kept.remove(sql);
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException e) {
                // closing a statement that failed may fail too; it is forgotten either way
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PreparedStatement> kept(Connection connection) {
        PooledConnection pooled;
        try {
            // Not isWrapperFor: tomcat-jdbc's proxy answers it for the physical connection only.
            pooled = connection.unwrap(PooledConnection.class);
        } catch (SQLException | ClassCastException notPooled) {
            return null; // sqlite-jdbc's unwrap casts without asking
        }
        Map<Object, Object> attributes = pooled.getAttributes();
        return (Map<String, PreparedStatement>) attributes.computeIfAbsent(ATTRIBUTE, key -> new HashMap<String, PreparedStatement>());
    }

    /** A prepared statement, and whether it is kept on its connection (not to be closed by its user). */
    record Use(PreparedStatement statement, boolean kept) {

        /**
         * Closes a statement that is not kept; a kept one lets go of its values, which it would
         * otherwise hold until its next run: a raw message of up to 25 MiB, in the JVM's heap and
         * again in SQLite's memory.
         */
        void release() throws SQLException {
            if (kept) {
                statement.clearParameters();
            } else {
                statement.close();
            }
        }
    }
}
