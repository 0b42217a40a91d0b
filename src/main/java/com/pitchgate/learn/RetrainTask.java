package com.pitchgate.learn;

import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /tasks/retrain[?space=ID]} on the admin port: retrains now, on the retrainer's thread,
 * and prints what came of it, as the {@code train} command does.
 */
public final class RetrainTask extends Task {

    private static final long WAIT_MINUTES = 5;

    private final Retrainer retrainer;
    private final SpaceDirectory spaces;

    public RetrainTask(Retrainer retrainer, SpaceDirectory spaces) {
        super("retrain");
        this.retrainer = retrainer;
        this.spaces = spaces;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) throws Exception {
        List<Space> chosen = new ArrayList<>();
        for (String id : parameters.getOrDefault("space", List.of())) {
            chosen.add(spaces.find(id).orElseThrow(() -> new IllegalArgumentException("unknown space '" + id
                    + "': spaces are " + spaces.all().stream().map(Space::id).toList())));
        }
        for (Space space : chosen.isEmpty() ? List.copyOf(spaces.all()) : chosen) {
            Future<TrainingOutcome> training = retrainer.retrain(space);
            try {
                TrainingOutcome outcome = training.get(WAIT_MINUTES, TimeUnit.MINUTES);
                output.println(space.id() + ": " + outcome.summary() + (outcome.model().isPresent() ? "; in use" : ""));
            } catch (TimeoutException e) {
                output.println(space.id() + ": still training after " + WAIT_MINUTES + " minutes; GET /api/models shows when it is done");
            } catch (ExecutionException e) {
                output.println(space.id() + ": training failed: " + e.getCause());
            }
            output.flush();
        }
    }
}
