package com.pitchgate.bench;

import com.codahale.metrics.MetricRegistry;
import com.pitchgate.analyze.Analyzer;
import com.pitchgate.crm.CrmRecorder;
import com.pitchgate.crm.DeclineMemory;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.extract.TikaTextExtractor;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import com.pitchgate.store.Database;
import com.pitchgate.store.GroupCommit;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.ScreenedPitch;
import com.pitchgate.store.StoredPitch;
import com.pitchgate.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The store's part of one pitch, durably on disk as the server sets SQLite up (WAL, synchronous
 * FULL, through the same connection pool, whose connections keep their prepared statements): commit
 * the raw pitch, claim it, and commit its decision. Run with {@code bench/jmh.sh StoreBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreBenchmarks {

    /** What the CRM keeps of each pitch, as in screening: the writes the decision's transaction makes. */
    private static final CrmRecorder CRM = new CrmRecorder(new DeclineMemory(Duration.ofDays(180), false));
    private final AtomicLong sequence = new AtomicLong();
    private PitchStore store;
    private ExtractedPitch extracted;
    private Pitch pitch;
    private byte[] raw;
    private TikaTextExtractor tika;
    private GroupCommit groupCommit;
    private PitchStore groupCommitted;
    private TestDatabase database;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        // The pool and SQLite settings of test-config.yml: those of config.yml but for the page cache size.
        database = TestDatabase.create(Database.Vendor.SQLITE);
        Jdbi jdbi = database.jdbi();
        store = new PitchStore(jdbi);
        groupCommit = new GroupCommit(jdbi, 64, new MetricRegistry());
        groupCommit.start();
        groupCommitted = new PitchStore(jdbi, groupCommit);
        raw = BenchData.mail(false);
        tika = new TikaTextExtractor(200_000, 2);
        extracted = new MailExtractor(tika, new ExtractionConfig()).extract(raw);
        pitch = new Analyzer().analyze(1, extracted, BenchData.spaceOf50());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        groupCommit.stop();
        tika.close();
        database.close();
    }

    /** One writer: the raw pitch stored already claimed, then its decision; each a commit of its own. */
    @Benchmark
    public boolean receiveThenDecision() {
        return receiveThenDecide(store);
    }

    /** Eight writers at once through the group commit, as under load: commits are shared. */
    @Benchmark
    @Threads(8)
    public boolean receiveThenDecisionGroupCommitted() {
        return receiveThenDecide(groupCommitted);
    }

    private boolean receiveThenDecide(PitchStore store) {
        long n = sequence.incrementAndGet();
        byte[] unique = (new String(raw, StandardCharsets.ISO_8859_1) + "\r\n" + n).getBytes(StandardCharsets.ISO_8859_1);
        Instant now = Instant.now();
        StoredPitch claimed = store.receive("bench", "email", unique, "hash-" + n, Optional.of("<" + n + "@bench>"), now,
                Duration.ofMinutes(5)).claimed().orElseThrow();
        long id = claimed.id();
        Decision decision = new Decision(Queue.FORWARD, List.of("manager"), 4.0, pitch.fit(),
                List.of(new Reason("fit", "answers_need", 4.0, "coffee supplier", false),
                        new Reason("router", "score", 4.0, "score 4.0", true)));
        return store.saveScreened(new ScreenedPitch(id, claimed.attempts(), "bench", extracted, pitch, decision,
                CRM.entriesFor(pitch, extracted.company(), decision, now), List.of(), now));
    }
}
