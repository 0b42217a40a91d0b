package com.pitchgate.screen;

import com.codahale.metrics.Counter;
import com.pitchgate.ingest.IntakeBudget;
import com.pitchgate.store.ClaimedPitch;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.StoredPitch;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens pitches that were stored but not decided: those received just before a crash or a stop,
 * those whose screening failed, and those a crashed instance held when its lease ran out. Runs at
 * start-up and then at a fixed interval. Instances sharing a database claim small batches, so
 * each takes different pitches and none holds many while it works through them.
 */
public final class RecoverySweeper implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(RecoverySweeper.class);
    /** Small, because a claimed batch is screened one pitch after another, all within one lease. */
    static final int BATCH = 10;

    private final PitchStore store;
    private final PitchProcessor processor;
    private final Clock clock;
    private final Duration interval;
    private final Duration lease;
    private final Counter recovered;
    private final IntakeBudget budget;
    private ScheduledExecutorService scheduler;

    /**
     * @param lease how long a claimed batch is held (intake.processingLease)
     * @param recovered counts the pitches this sweeper decided
     * @param budget    the room in memory it shares with intake: a pitch is read once there is room for it
     */
    public RecoverySweeper(PitchStore store, PitchProcessor processor, Clock clock, Duration interval, Duration lease,
            Counter recovered, IntakeBudget budget) {
        this.store = store;
        this.processor = processor;
        this.clock = clock;
        this.interval = interval;
        this.lease = lease;
        this.recovered = recovered;
        this.budget = budget;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pitch-recovery");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweepSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Screens every undecided pitch once; returns how many it decided. */
    public int sweep() {
        int decided = 0;
        long after = 0;
        // The cursor moves past each batch, so a pitch that fails now waits for the next sweep.
        sweeping:
        while (!Thread.currentThread().isInterrupted()) {
            List<ClaimedPitch> batch = store.claimUndecided(clock.instant(), lease, after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (int i = 0; i < batch.size(); i++) {
                ClaimedPitch claim = batch.get(i);
                if (Thread.currentThread().isInterrupted()) {
                    // Stopping: let another instance have the rest now rather than after the lease.
                    giveBack(batch.subList(i, batch.size()));
                    break;
                }
                try (IntakeBudget.Hold hold = budget.hold(claim.rawBytes())) {
                    Optional<StoredPitch> stored = store.readClaimed(claim);
                    if (stored.isPresent() && processor.processClaimed(stored.get()).isPresent()) {
                        decided++;
                        recovered.inc();
                    }
                } catch (IntakeBudget.Exhausted e) {
                    LOG.info("recovery gives {} pitch(es) back until the next sweep: {}", batch.size() - i, e.getMessage());
                    giveBack(batch.subList(i, batch.size()));
                    break sweeping;
                }
                after = claim.id();
            }
        }
        if (decided > 0) {
            LOG.info("recovered {} undecided pitch(es)", decided);
        }
        return decided;
    }

    private void giveBack(List<ClaimedPitch> claims) {
        claims.forEach(left -> store.unclaim(left.id(), left.attempts()));
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.error("recovery sweep failed; it runs again in {}", interval, e);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
}
