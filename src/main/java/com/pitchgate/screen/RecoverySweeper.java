package com.pitchgate.screen;

import com.pitchgate.store.PitchStore;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens pitches that were stored but not decided: those received just before a crash or a stop,
 * and those whose screening failed. Runs at start-up and then at a fixed interval.
 */
public final class RecoverySweeper implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(RecoverySweeper.class);
    private static final int BATCH = 100;

    private final PitchStore store;
    private final PitchProcessor processor;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RecoverySweeper(PitchStore store, PitchProcessor processor, Clock clock, Duration interval) {
        this.store = store;
        this.processor = processor;
        this.clock = clock;
        this.interval = interval;
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
        while (!Thread.currentThread().isInterrupted()) {
            List<Long> batch = store.undecided(clock.instant(), after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (long id : batch) {
                if (processor.process(id).isPresent()) {
                    decided++;
                }
                after = id;
            }
        }
        if (decided > 0) {
            LOG.info("recovered {} undecided pitch(es)", decided);
        }
        return decided;
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
