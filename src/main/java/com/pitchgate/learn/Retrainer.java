package com.pitchgate.learn;

import com.pitchgate.crm.OverrideListener;
import com.pitchgate.crm.OverrideRow;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains a space's model in the background once enough overrides were made since it was last
 * trained, on a thread of its own: never on a request thread, and one training at a time. Each
 * override nudges it; it also looks at a fixed interval, which catches overrides made while the
 * server was down and models trained meanwhile by the {@code train} command.
 */
public final class Retrainer implements Managed, OverrideListener {

    private static final Logger LOG = LoggerFactory.getLogger(Retrainer.class);

    private final ModelTraining training;
    private final ModelStore store;
    private final SpaceDirectory spaces;
    private final SpaceModels models;
    private final int retrainAfter;
    private final Duration interval;
    /** By space: the newest override the last training (or attempt) included. */
    private final Map<String, Long> overridesSeen = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService thread;

    public Retrainer(ModelTraining training, ModelStore store, SpaceDirectory spaces, SpaceModels models,
            LearningConfig config) {
        this.training = training;
        this.store = store;
        this.spaces = spaces;
        this.models = models;
        this.retrainAfter = config.retrainAfterOverrides;
        this.interval = Duration.ofMillis(config.checkInterval.toMilliseconds());
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "model-retrainer");
            t.setDaemon(true);
            // Screening pitches comes first: training may wait for a core.
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        thread.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public void overridden(OverrideRow override) {
        try {
            thread.execute(() -> spaces.find(override.spaceId()).ifPresent(this::checkSafely));
        } catch (RejectedExecutionException e) {
            LOG.debug("retrainer stopped; override of pitch {} will count at the next start", override.pitchId());
        }
    }

    /** Trains the space now, on the retrainer's thread, whatever the count of overrides. */
    public Future<TrainingOutcome> retrain(Space space) {
        return thread.submit(() -> trainNow(space));
    }

    private void checkAll() {
        spaces.all().forEach(this::checkSafely);
    }

    /** A check that throws would end the scheduled checks for good: it is logged instead. */
    private void checkSafely(Space space) {
        try {
            check(space);
        } catch (RuntimeException e) {
            LOG.error("checking whether space {} needs retraining failed", space.id(), e);
        }
    }

    private void check(Space space) {
        if (training.loadIfNewer(space)) {
            LOG.info("space {}: now using the model stored at {}", space.id(),
                    models.current(space.id()).orElseThrow().facts().trainedAt());
        }
        long modelSaw = models.current(space.id()).map(m -> m.facts().lastOverrideId()).orElse(0L);
        long seen = overridesSeen.merge(space.id(), modelSaw, Math::max);
        if (store.overridesSince(space.id(), seen) >= retrainAfter) {
            trainNow(space);
        }
    }

    private TrainingOutcome trainNow(Space space) {
        TrainingOutcome outcome = training.train(space);
        LOG.info("space {} retrained: {}", space.id(), outcome.summary());
        overridesSeen.merge(space.id(), outcome.lastOverrideId(), Math::max);
        return outcome;
    }
}
