package com.pitchgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.pitchgate.store.PitchStore.StoreReceipt;
import com.pitchgate.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit on a real SQLite file: concurrent writers share commits, each one's work is on disk
 * when it returns, and one that fails is rolled back without taking the others of its batch along.
 */
class GroupCommitTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private TestDatabase database;
    private MetricRegistry metrics;
    private GroupCommit groupCommit;
    private PitchStore store;

    @BeforeEach
    void start() {
        database = TestDatabase.create(Database.Vendor.SQLITE);
        metrics = new MetricRegistry();
        groupCommit = new GroupCommit(database.jdbi(), 64, metrics);
        groupCommit.start();
        store = new PitchStore(database.jdbi(), groupCommit);
    }

    @AfterEach
    void stop() throws Exception {
        groupCommit.stop();
        database.close();
    }

    @Test
    void concurrentWritersShareCommitsAndEachSeesItsWorkStored() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            List<Future<StoreReceipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                receipts.add(writers.submit(() -> store.receive("space", "email", bytes("pitch " + n), "hash-" + n,
                        Optional.of("<" + n + "@test>"), T0, Duration.ofMinutes(1))));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<StoreReceipt> receipt : receipts) {
                StoreReceipt stored = receipt.get(30, TimeUnit.SECONDS);
                assertThat(stored.duplicate()).isFalse();
                assertThat(stored.claimed()).isPresent();
                ids.add(stored.id());
            }
            assertThat(ids).hasSize(400);
        } finally {
            writers.shutdownNow();
        }
        // Read through a connection of its own: what was acknowledged is committed.
        long stored = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM pitches WHERE state = 'processing' AND attempts = 1").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(400);
        assertThat(metrics.histogram(MetricRegistry.name(GroupCommit.class, "batch-size")).getSnapshot().getMax())
                .as("some commits were shared").isGreaterThan(1);
    }

    @Test
    void aFailingWriteIsRolledBackAloneAndTheRestOfItsBatchCommits() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            // Holds the writer, so that the next three queue up and go into one batch.
            Future<?> blocker = callers.submit(() -> groupCommit.inTransaction(handle -> {
                writerBusy.countDown();
                await(release);
                return handle.execute("CREATE TABLE scratch (n INTEGER PRIMARY KEY)");
            }));
            writerBusy.await(10, TimeUnit.SECONDS);
            Future<Integer> first = callers.submit(() -> insert(1));
            Future<Integer> failing = callers.submit(() -> groupCommit.inTransaction(handle -> {
                handle.execute("INSERT INTO scratch (n) VALUES (2)");
                return handle.execute("INSERT INTO no_such_table (n) VALUES (3)");
            }));
            Future<Integer> third = callers.submit(() -> insert(4));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (groupCommit.waiting() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(groupCommit.waiting()).isEqualTo(3);
            release.countDown();
            blocker.get(10, TimeUnit.SECONDS);

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(JdbiException.class).hasMessageContaining("no_such_table");
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
        List<Integer> rows = database.jdbi().withHandle(h -> h.createQuery("SELECT n FROM scratch ORDER BY n")
                .mapTo(Integer.class).list());
        assertThat(rows).as("the failed write's first insert was rolled back with it").containsExactly(1, 4);
        assertThat(metrics.histogram(MetricRegistry.name(GroupCommit.class, "batch-size")).getSnapshot().getMax())
                .isEqualTo(3);
    }

    @Test
    void afterStopWritesRunOnTheirOwn() throws Exception {
        groupCommit.stop();
        StoreReceipt receipt = store.receive("space", "form", bytes("late"), "late", Optional.empty(), T0, Duration.ofMinutes(1));
        assertThat(store.find(receipt.id())).isPresent();
    }

    @Test
    void anErrorInOneWriteDoesNotStopTheWriter() throws Exception {
        assertThatThrownBy(() -> groupCommit.inTransaction(handle -> {
            throw new StackOverflowError("as deep as a hostile pitch");
        })).isInstanceOf(java.util.concurrent.CompletionException.class).hasCauseInstanceOf(StackOverflowError.class);
        StoreReceipt receipt = store.receive("space", "form", bytes("after"), "after", Optional.empty(), T0, Duration.ofMinutes(1));
        assertThat(store.find(receipt.id())).isPresent();
    }

    private int insert(int n) {
        return groupCommit.inTransaction(handle -> handle.execute("INSERT INTO scratch (n) VALUES (?)", n));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The writer keeps its savepoints' undo records in memory (temp_store 2), and gives its connection
     * back to the pool as configured (temp_store 0), where sorts and temporary tables stay bounded.
     */
    @Test
    void theWriterKeepsStatementJournalsInMemoryOnItsConnectionOnly() throws Exception {
        int onTheWriter = groupCommit.inTransaction(GroupCommitTest::tempStore);
        assertThat(onTheWriter).isEqualTo(2);
        int elsewhere = database.jdbi().withHandle(GroupCommitTest::tempStore);
        assertThat(elsewhere).isZero();
        groupCommit.stop();
        // All the pool's connections at once, the writer's former one among them.
        List<Handle> handles = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                handles.add(database.jdbi().open());
            }
            for (Handle handle : handles) {
                assertThat(tempStore(handle)).isZero();
            }
        } finally {
            handles.forEach(Handle::close);
        }
    }

    private static int tempStore(Handle handle) {
        return handle.createQuery("PRAGMA temp_store").mapTo(Integer.class).one();
    }
}
