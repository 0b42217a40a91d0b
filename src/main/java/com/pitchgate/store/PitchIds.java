package com.pitchgate.store;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Ids for pitches screened before they are stored ({@link PitchStore#storeScreened}): policies and the
 * mail a decision sends name the pitch by its id, so it is taken before the pitch is written. Ids are
 * reserved from the database's own counter a block at a time, so that taking one costs no write; the
 * rest of a block is lost when the server stops (ids have gaps, as they may anyway), and pitches
 * inserted without an id (recovery's raw intake, tools) get ids above every reserved one.
 */
final class PitchIds {

    static final int BLOCK = 32;

    /** AUTOINCREMENT's counter has no row until the table's first insert. */
    private static final NamedStatement SQLITE_COUNTER = NamedStatement.of("INSERT INTO sqlite_sequence (name, seq)"
            + " SELECT 'pitches', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'pitches')");
    /** SQLite gives a row an id above both the counter and the largest id; so does this. */
    private static final NamedStatement SQLITE_RESERVE = NamedStatement.of("UPDATE sqlite_sequence"
            + " SET seq = max(seq, (SELECT coalesce(max(id), 0) FROM pitches)) + :count WHERE name = 'pitches' RETURNING seq");
    private static final NamedStatement POSTGRESQL_RESERVE = NamedStatement.of(
            "SELECT nextval(pg_get_serial_sequence('pitches', 'id')) FROM generate_series(1, :count)");

    private final Writes writes;
    private final Database.Vendor vendor;
    private final ArrayDeque<Long> reserved = new ArrayDeque<>(BLOCK);

    PitchIds(Writes writes, Database.Vendor vendor) {
        this.writes = writes;
        this.vendor = vendor;
    }

    synchronized long next() {
        if (reserved.isEmpty()) {
            reserved.addAll(reserve());
        }
        return reserved.removeFirst();
    }

    private List<Long> reserve() {
        Map<String, Object> count = Map.of("count", BLOCK);
        return switch (vendor) {
            case SQLITE -> writes.inTransaction(handle -> {
                SQLITE_COUNTER.update(handle.getConnection(), Map.of());
                long last = SQLITE_RESERVE.first(handle.getConnection(), count, row -> row.getLong(1))
                        .orElseThrow(() -> new IllegalStateException("no AUTOINCREMENT counter for pitches"));
                return LongStream.rangeClosed(last - BLOCK + 1, last).boxed().toList();
            });
            // A sequence hands out each id once, to whichever instance asks, outside any transaction.
            case POSTGRESQL -> writes.inTransaction(handle -> POSTGRESQL_RESERVE.query(handle.getConnection(), count,
                    row -> row.getLong(1)));
        };
    }
}
