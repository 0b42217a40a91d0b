package com.pitchgate.cli;

import com.pitchgate.learn.LearningConfig;
import com.pitchgate.learn.ModelStore;
import com.pitchgate.learn.ModelTrainer;
import com.pitchgate.learn.ModelTraining;
import com.pitchgate.learn.PitchFeatures;
import com.pitchgate.learn.SpaceModels;
import com.pitchgate.learn.TrainingOutcome;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.store.Database;
import com.pitchgate.store.StoredModels;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code train config.yml [--space ID]}: trains each space's model for the learned policy from the
 * store (decided pitches and overrides), stores it, and prints the example counts and the held-out
 * accuracy. A running server picks the new model up at its next check ({@code learning.checkInterval}).
 */
public final class TrainCommand<C extends Configuration & CommandSettings> extends ConfigurationCommand<C> {

    private final PrintStream out;

    public TrainCommand(Class<C> configuration, PrintStream out) {
        super("train", "Trains each space's model for the learned policy from the stored decisions and overrides",
                configuration);
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--space").dest("space").metavar("ID").help("train this space only");
    }

    @Override
    protected void run(Bootstrap<C> bootstrap, Namespace namespace, C config)
            throws Exception {
        SpaceDirectory spaces = new SpaceDirectory(config.getSpaces());
        List<Space> chosen = Spaces.chosen(spaces, namespace.getString("space"));
        LearningConfig learning = config.getLearning();
        try (Database.Standalone store = Database.openStandalone(config.getDatabase(), bootstrap.getMetricRegistry())) {
            ModelTraining training = new ModelTraining(new ModelStore(new StoredModels(store.jdbi())),
                    new ModelTrainer(learning, new PitchFeatures()), new SpaceModels(), learning, Clock.systemUTC());
            int trained = 0;
            for (Space space : chosen) {
                TrainingOutcome outcome = training.train(space);
                out.println(space.id() + ": " + outcome.summary() + (outcome.model().isPresent() ? "; model stored" : ""));
                trained += outcome.model().isPresent() ? 1 : 0;
            }
            if (trained == 0) {
                throw new CommandFailure(CommandFailure.ERROR, "no model was trained: the spaces need more decided pitches"
                        + " (learning.minExamples " + learning.minExamples + ", minPerQueue " + learning.minPerQueue + ")");
            }
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        CommandFailure.report(cli, e, () -> super.onError(cli, namespace, e));
    }
}
