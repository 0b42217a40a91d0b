package com.pitchgate.store;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for SQLite: one writer thread runs the write transactions that callers hand in, as
 * many as are waiting at once inside one database transaction, and commits (and syncs) them once.
 * Each caller's work runs in a savepoint of its own, so one that fails is rolled back alone; a
 * caller returns only once its work is committed, so what it acknowledges is on disk.
 *
 * <p>Why: SQLite lets one writer in at a time, and writers queued on its lock wait by sleeping and
 * polling (its busy handler sleeps up to 100 ms between tries). With a dozen concurrent requests
 * that sleeping, and one sync per transaction, cost more than the writing itself.
 */
public final class GroupCommit implements Writes, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /**
     * The savepoints' undo records (statement journals) are kept in memory, not in a temp file: on disk
     * SQLite spills them to a file past 64 KiB, and that file was created, written and deleted in
     * nearly every batch, a third of the bytes the writer wrote (docs/benchmarks.md). They hold the pages a
     * batch changes, a few hundred KiB. Only on the writer's connection: elsewhere {@code temp_store}
     * also governs sorts and temporary tables, which could then grow in memory without bound.
     */
    private static final NamedStatement STATEMENT_JOURNALS_IN_MEMORY = NamedStatement.of("PRAGMA temp_store = MEMORY");
    private static final NamedStatement STATEMENT_JOURNALS_AS_CONFIGURED = NamedStatement.of("PRAGMA temp_store = DEFAULT");

    private final Jdbi jdbi;
    private final int maxBatch;
    private final BlockingQueue<Work<?>> waiting = new LinkedBlockingQueue<>();
    private final Histogram batchSizes;
    private volatile boolean running;
    /** Set by the writer once it takes no more work: whoever hands work in after that runs it alone. */
    private volatile boolean closed;
    private Thread writer;
    /**
     * The writer's connection, kept open between batches so that its attached DAOs ({@link AttachedDaos})
     * are built once; closed after a failed batch, in case the connection is what failed.
     */
    private Handle handle;

    public GroupCommit(Jdbi jdbi, int maxBatch, MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.maxBatch = maxBatch;
        this.batchSizes = metrics.histogram(MetricRegistry.name(GroupCommit.class, "batch-size"));
    }

    @Override
    public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        if (!running || Thread.currentThread() == writer) {
            // Before start and after stop (commands, shutdown) there is no writer to hand work to.
            return jdbi.inTransaction(work);
        }
        Work<T> handedIn = new Work<>(work);
        waiting.add(handedIn);
        if (closed && waiting.remove(handedIn)) {
            // The writer stopped between our check and our hand-in, and will not see this work.
            return jdbi.inTransaction(work);
        }
        try {
            return handedIn.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** How many transactions wait for the writer now. */
    int waiting() {
        return waiting.size();
    }

    @Override
    public synchronized void start() {
        running = true;
        closed = false;
        writer = new Thread(this::writeUntilStopped, "group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void writeUntilStopped() {
        List<Work<?>> batch = new ArrayList<>(maxBatch);
        while (running || !waiting.isEmpty()) {
            try {
                Work<?> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("the group-commit writer was interrupted; {} writes run on their own", waiting.size());
                running = false;
                batch.forEach(work -> work.runAlone(jdbi));
                break;
            } catch (RuntimeException | Error e) {
                // Errors too (out of memory...): the writer must live on, or every caller would wait for ever.
                LOG.error("a group commit of {} writes failed", batch.size(), e);
                batch.forEach(work -> work.fail(e));
            } finally {
                batch.clear();
            }
        }
        closeHandle();
        closed = true;
        // Whatever came in after the last batch (a caller racing with stop) still gets written.
        for (Work<?> late = waiting.poll(); late != null; late = waiting.poll()) {
            late.runAlone(jdbi);
        }
    }

    private void commit(List<Work<?>> batch) {
        batchSizes.update(batch.size());
        List<Work<?>> done = new ArrayList<>(batch.size());
        try {
            if (handle == null) {
                handle = jdbi.open();
                STATEMENT_JOURNALS_IN_MEMORY.update(handle.getConnection(), Map.of());
            }
            handle.useTransaction(transaction -> {
                for (Work<?> work : batch) {
                    if (work.runInSavepoint(transaction)) {
                        done.add(work);
                    }
                }
            });
        } catch (RuntimeException | Error e) {
            closeHandle();
            throw e;
        }
        done.forEach(Work::complete);
    }

    private void closeHandle() {
        if (handle != null) {
            try {
                STATEMENT_JOURNALS_AS_CONFIGURED.update(handle.getConnection(), Map.of());
            } catch (RuntimeException e) {
                LOG.debug("the group-commit writer's connection did not take back its temp_store setting", e);
            }
            try {
                handle.close();
            } catch (RuntimeException e) {
                LOG.warn("the group-commit writer's connection did not close cleanly", e);
            }
            handle = null;
        }
    }

    /** One caller's transaction, waiting for its commit. */
    private static final class Work<T> {
        // In plain JDBC, like the writes of each pitch (PreparedWrites): through Jdbi, four statements a pitch cost more.
        private static final NamedStatement SAVEPOINT = NamedStatement.of("SAVEPOINT caller");
        private static final NamedStatement RELEASE = NamedStatement.of("RELEASE caller");
        private static final NamedStatement ROLLBACK = NamedStatement.of("ROLLBACK TO caller");

        private final HandleCallback<T, RuntimeException> callback;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private T value;

        Work(HandleCallback<T, RuntimeException> callback) {
            this.callback = callback;
        }

        /** Runs the work; false (and the caller told) when it failed and was rolled back. */
        boolean runInSavepoint(Handle handle) {
            SAVEPOINT.update(handle.getConnection(), Map.of());
            try {
                value = callback.withHandle(handle);
                RELEASE.update(handle.getConnection(), Map.of());
                return true;
            } catch (RuntimeException e) {
                ROLLBACK.update(handle.getConnection(), Map.of());
                RELEASE.update(handle.getConnection(), Map.of());
                fail(e);
                return false;
            }
        }

        void runAlone(Jdbi jdbi) {
            try {
                value = jdbi.inTransaction(callback);
                complete();
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void complete() {
            result.complete(value);
        }

        void fail(Throwable e) {
            result.completeExceptionally(e);
        }
    }
}
