package com.pitchgate.analyze;

import com.pitchgate.spi.MessageKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells what a message is ({@link MessageKind}): an OpenNLP maximum-entropy document categoriser
 * trained on the short French and English texts shipped with the server ({@code ask/*.tsv} beside
 * this class: {@code kind<TAB>language<TAB>text}, one message a line), over the features of
 * {@link KindFeatures} (OpenNLP's bag of words takes each as a word). The build trains it
 * ({@link KindModelBuilder}) and the jar carries the model; the model is immutable and shared by all
 * threads.
 */
public final class KindClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(KindClassifier.class);

    /** The corpora, in the order they are read; each is a resource beside this class. */
    static final List<String> CORPORA = List.of("ask/corpus-spaces.tsv", "ask/corpus-freelancers.tsv",
            "ask/corpus-studios.tsv", "ask/corpus-inbox.tsv", "ask/corpus-promotions.tsv", "ask/corpus-news.tsv",
            "ask/corpus-devset-train.tsv", "ask/corpus-spam.tsv", "ask/corpus-mail.tsv",
            "ask/corpus-inquiries.tsv", "ask/corpus-offers.tsv", "ask/corpus-customer-mail.tsv", "ask/corpus-short.tsv",
            "ask/corpus-direction.tsv");
    static final Set<String> KINDS = Set.of(MessageKind.INQUIRY, MessageKind.OFFER, MessageKind.INTRO, MessageKind.BULK,
            MessageKind.BUMP, MessageKind.CORRESPONDENCE);
    private static final int ITERATIONS = 150;
    private static final int CUTOFF = 1;

    private final DoccatModel model;
    private final KindModel weights;

    private KindClassifier(DoccatModel model) {
        this.model = model;
        this.weights = KindModel.of(model.getMaxentModel());
    }

    /** The classifier trained on the shipped corpora; the first call trains it. */
    public static KindClassifier shipped() {
        return Shipped.INSTANCE;
    }

    /** The model the build trained on the shipped corpora ({@link KindModelBuilder}), beside this class. */
    static final String MODEL = "kind-model.bin";

    /** A classifier trained on these examples; for tests and cross-validation. */
    static KindClassifier trainedOn(List<Example> examples) {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        List<DocumentSample> samples = examples.stream()
                .map(example -> new DocumentSample(example.kind(), KindFeatures.of("", example.text()))).toList();
        try {
            return new KindClassifier(DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples),
                    parameters, new DoccatFactory()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(java.io.OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** What the message is, from its subject and body. */
    public MessageKind classify(String subject, String body) {
        if (subject.isBlank() && body.isBlank()) {
            return MessageKind.UNKNOWN;
        }
        double[] scores = weights.probabilities(subject, body);
        Map<String, Double> probabilities = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            probabilities.put(weights.outcome(i), scores[i]);
        }
        return new MessageKind(weights.outcome(KindModel.best(scores)), probabilities);
    }

    /** The probabilities as OpenNLP's own categoriser gives them, by outcome index: for tests. */
    double[] categorizedByOpenNlp(String subject, String body) {
        return new DocumentCategorizerME(model).categorize(KindFeatures.of(subject, body));
    }

    /** The probabilities {@link #classify} weighs, by outcome index: for tests. */
    double[] probabilities(String subject, String body) {
        return weights.probabilities(subject, body);
    }

    /** The texts of the shipped corpora, in their order: realistic French and English messages. */
    public static List<String> shippedTexts() {
        return shippedExamples().stream().map(Example::text).toList();
    }

    /** One labelled text of a corpus. */
    record Example(String kind, String language, String text) {
    }

    /** The shipped corpora, each line checked: a faulty line is an error naming it. */
    static List<Example> shippedExamples() {
        List<Example> examples = new ArrayList<>();
        for (String corpus : CORPORA) {
            List<String> lines = WordLists.lines(corpus);
            for (int number = 1; number <= lines.size(); number++) {
                String line = lines.get(number - 1);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 3 || !KINDS.contains(columns[0]) || columns[2].isBlank()) {
                    throw new IllegalStateException(corpus + " line " + number
                            + ": expected kind<TAB>language<TAB>text with a kind among " + KINDS);
                }
                examples.add(new Example(columns[0], columns[1], columns[2]));
            }
        }
        return examples;
    }

    private static final class Shipped {
        static final KindClassifier INSTANCE = train();

        private static KindClassifier train() {
            long start = System.nanoTime();
            try (InputStream in = KindClassifier.class.getResourceAsStream(MODEL)) {
                if (in != null) {
                    KindClassifier built = new KindClassifier(new DoccatModel(in));
                    LOG.info("message kinds: model read in {} ms", (System.nanoTime() - start) / 1_000_000);
                    return built;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the kind model " + MODEL + " cannot be read", e);
            }
            // Only where the build did not run its process-classes step (an IDE): train now.
            List<Example> examples = shippedExamples();
            KindClassifier classifier = trainedOn(examples);
            LOG.info("message kinds: trained on {} shipped texts in {} ms", examples.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return classifier;
        }
    }
}
