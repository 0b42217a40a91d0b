package com.pitchgate.cli;

import com.pitchgate.evaluate.Evaluation;
import com.pitchgate.evaluate.EvaluationReport;
import com.pitchgate.evaluate.Evaluator;
import com.pitchgate.evaluate.InvalidLabeledSetException;
import com.pitchgate.evaluate.LabeledExample;
import com.pitchgate.evaluate.LabeledSet;
import com.pitchgate.learn.LearnedModel;
import com.pitchgate.learn.LearnedPolicy;
import com.pitchgate.learn.LearningConfig;
import com.pitchgate.learn.ModelStore;
import com.pitchgate.learn.ModelTrainer;
import com.pitchgate.learn.ModelTraining;
import com.pitchgate.learn.PitchFeatures;
import com.pitchgate.learn.SpaceModels;
import com.pitchgate.screen.ScreeningSettings;
import com.pitchgate.screen.ScreeningStages;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.store.Database;
import com.pitchgate.store.StoredModels;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code evaluate config.yml DIR [--max-declined-inquiry-rate R] [--space ID] [--spaces FILE] [--no-learned]}:
 * screens every pitch of a labelled data set through the real pipeline, with the learned models in
 * the store, storing nothing and sending nothing, and prints the confusion matrix, each queue's
 * precision and recall, the accuracy, and the rate of genuine inquiries sent to auto_decline. Ends
 * with status 2 when that rate is above the bound (0 unless given), 1 on an error.
 */
public final class EvaluateCommand<C extends Configuration & CommandSettings & ScreeningSettings>
        extends ConfigurationCommand<C> {

    private final PrintStream out;

    public EvaluateCommand(Class<C> configuration, PrintStream out) {
        super("evaluate", "Routes a labelled data set through the pipeline, storing nothing, and measures the decisions",
                configuration);
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("dir").metavar("DIR")
                .help("folder of labelled pitches: .eml and .json files, in forward/, requires_intro/, auto_decline/ (see docs/learning.md)");
        subparser.addArgument("--max-declined-inquiry-rate").dest("maxDeclinedInquiryRate").metavar("RATE")
                .type(Double.class).setDefault(0.0)
                .help("fail (status 2) when more than this share of genuine inquiries is sent to auto_decline (default 0)");
        subparser.addArgument("--space").dest("space").metavar("ID")
                .help("screen the pitches for this space (default: the first configured)");
        subparser.addArgument("--spaces").dest("spaces").metavar("FILE")
                .help("screen for the spaces of this YAML file (a 'spaces:' list, as in config.yml) instead of the config's:"
                        + " to measure the decisions for another profile with the same settings");
        subparser.addArgument("--reasons").dest("reasons").action(Arguments.storeTrue())
                .help("list every reason of each misrouted pitch, not only the one that decided");
        subparser.addArgument("--decisions").dest("decisions").metavar("FILE")
                .help("also write every decision to FILE, one tab-separated line each (file, case, queues, score, fit, kind, signals)");
        subparser.addArgument("--no-learned").dest("noLearned").action(Arguments.storeTrue())
                .help("leave the learned models out: the rules alone, to compare");
    }

    @Override
    protected void run(Bootstrap<C> bootstrap, Namespace namespace, C config)
            throws Exception {
        double bound = namespace.getDouble("maxDeclinedInquiryRate");
        if (!(bound >= 0 && bound <= 1)) {
            throw new CommandFailure(CommandFailure.ERROR, "--max-declined-inquiry-rate must be between 0 and 1, got " + bound);
        }
        Path folder = Path.of(namespace.getString("dir"));
        if (!Files.isDirectory(folder)) {
            throw new CommandFailure(CommandFailure.ERROR, "DIR must be a folder of labelled pitches; " + folder
                    + (Files.exists(folder) ? " is a file" : " does not exist"));
        }
        List<LabeledExample> examples;
        try {
            examples = new LabeledSet(bootstrap.getObjectMapper(), bootstrap.getValidatorFactory().getValidator()).read(folder);
        } catch (InvalidLabeledSetException e) {
            throw new CommandFailure(CommandFailure.ERROR, e.getMessage());
        }
        if (examples.isEmpty()) {
            throw new CommandFailure(CommandFailure.ERROR, "no .eml or .json pitch under " + folder);
        }
        String spacesFile = namespace.getString("spaces");
        ScreeningSettings settings = spacesFile == null ? config
                : new OtherSpaces(config, OtherSpaces.read(Path.of(spacesFile), bootstrap.getValidatorFactory().getValidator()));
        SpaceDirectory spaces = new SpaceDirectory(settings.getSpaces());
        String spaceId = namespace.getString("space");
        Space space = spaceId == null ? spaces.defaultSpace() : Spaces.chosen(spaces, spaceId).get(0);
        SpaceModels models = namespace.getBoolean("noLearned") ? new SpaceModels()
                : storedModels(config, bootstrap, spaces);

        Evaluation evaluation;
        try (ScreeningStages stages = ScreeningStages.build(settings, bootstrap.getObjectMapper(), models)) {
            boolean learnedInChain = stages.chains().forSpace(space.id()).policies().stream()
                    .anyMatch(policy -> policy.type().name().equals(LearnedPolicy.NAME));
            String learned = namespace.getBoolean("noLearned") ? "left out (--no-learned)"
                    : !learnedInChain ? "none used (no learned policy in the chain)"
                    : models.current(space.id()).map(EvaluateCommand::describe).orElse("none");
            out.printf(Locale.ROOT, "%d pitches from %s, screened for space %s; learned model: %s%n", examples.size(),
                    folder, space.id(), learned);
            evaluation = new Evaluator(stages.screener(), Clock.systemUTC()).evaluate(examples, space);
        }
        EvaluationReport.print(evaluation, bound, namespace.getBoolean("reasons"), out);
        String decisions = namespace.getString("decisions");
        if (decisions != null) {
            try (PrintStream file = new PrintStream(Files.newOutputStream(Path.of(decisions)), false, StandardCharsets.UTF_8)) {
                EvaluationReport.printDecisions(evaluation, file);
            }
        }
        out.flush();
        if (evaluation.declinedInquiryRate() > bound) {
            throw new CommandFailure(CommandFailure.BOUND_BROKEN, String.format(Locale.ROOT,
                    "%d of %d genuine inquiries were sent to auto_decline (rate %.3f, bound %.3f)",
                    evaluation.declinedInquiries().size(), evaluation.genuineInquiries(),
                    evaluation.declinedInquiryRate(), bound));
        }
    }

    /** The models in the store; a store that does not exist yet is not created for this. */
    private SpaceModels storedModels(C config, Bootstrap<C> bootstrap,
            SpaceDirectory spaces) throws Exception {
        SpaceModels models = new SpaceModels();
        Optional<Path> file = Database.sqliteFile(config.getDatabase().getUrl());
        if (file.isPresent() && !Files.exists(file.get())) {
            return models;
        }
        LearningConfig learning = config.getLearning();
        try (Database.Standalone store = Database.openStandalone(config.getDatabase(), bootstrap.getMetricRegistry())) {
            new ModelTraining(new ModelStore(new StoredModels(store.jdbi())), new ModelTrainer(learning, new PitchFeatures()), models,
                    learning, Clock.systemUTC()).loadStored(spaces);
        }
        return models;
    }

    private static String describe(LearnedModel model) {
        return "trained " + model.facts().trainedAt() + " on " + model.facts().examples() + ", "
                + model.facts().accuracySummary();
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        CommandFailure.report(cli, e, () -> super.onError(cli, namespace, e));
    }
}
