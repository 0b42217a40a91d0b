package com.pitchgate.bench;

import com.pitchgate.analyze.Analyzer;
import com.pitchgate.analyze.IntermediaryFinder;
import com.pitchgate.analyze.KindClassifier;
import com.pitchgate.analyze.ProfileIndex;
import com.pitchgate.analyze.TextAnalyzer;
import com.pitchgate.spi.MessageKind;
import com.pitchgate.crm.CrmContext;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.extract.TikaTextExtractor;
import com.pitchgate.plugin.PolicyCatalog;
import com.pitchgate.policy.ChainOutcome;
import com.pitchgate.policy.PolicyChain;
import com.pitchgate.policy.PolicyChainConfig;
import com.pitchgate.policy.builtin.IntroPolicy;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.support.Pitches;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of each screening stage on a typical e-mail: extraction (HTML body, with and without a
 * PDF), analysis against a space of 50 members, and the built-in policy chain. Run with
 * {@code bench/jmh.sh StageBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageBenchmarks {

    private TikaTextExtractor tika;
    private MailExtractor extractor;
    private byte[] htmlMail;
    private byte[] htmlMailWithPdf;
    private Analyzer analyzer;
    private SpaceProfile space;
    private ExtractedPitch extracted;
    private Pitch pitch;
    private PolicyChain chain;
    private ProfileIndex index;
    private TextAnalyzer text;
    private List<String> stems;
    private int subjectStems;
    private String lowerCaseText;
    private KindClassifier kinds;
    private Pitch introduction;
    private Pitch reply;
    private String introductionText;
    private final IntermediaryFinder intermediaries = new IntermediaryFinder();
    private CrmMemory contacts;
    private final IntroPolicy introPolicy = new IntroPolicy();
    private String mailText;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        tika = new TikaTextExtractor(200_000, 4);
        extractor = new MailExtractor(tika, new ExtractionConfig());
        htmlMail = BenchData.mail(false);
        htmlMailWithPdf = BenchData.mail(true);
        analyzer = new Analyzer();
        space = BenchData.spaceOf50();
        extracted = extractor.extract(htmlMailWithPdf);
        pitch = analyzer.analyze(1, extracted, space);
        text = new TextAnalyzer();
        index = new ProfileIndex(space, text);
        stems = new java.util.ArrayList<>(text.stems(extracted.subject(), "en"));
        subjectStems = stems.size();
        stems.addAll(text.stems(extracted.body(), "en"));
        lowerCaseText = (extracted.subject() + "\n" + extracted.body()).toLowerCase(java.util.Locale.ROOT);
        kinds = KindClassifier.shipped();
        mailText = extracted.subject() + "\n" + extracted.body();
        PolicyCatalog catalog = PolicyCatalog.discover(Optional.empty());
        List<PolicyChainConfig.Entry> entries = PolicyChainConfig.DEFAULT_ORDER.stream()
                .filter(name -> !name.equals("rules") && !name.equals("learned"))
                .map(name -> new PolicyChainConfig.Entry(name, null, null, Map.of())).toList();
        chain = PolicyChain.build(entries, catalog, Duration.ofSeconds(1), Map.of());
        introduction = analyzer.analyze(2, extractor.extract(BenchData.introduction()), space);
        contacts = BenchData.contacts(space.id(), 200);
        reply = BenchData.replyTo(pitch);
        introductionText = introduction.subject() + "\n" + introduction.body();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        chain.stop();
        tika.close();
    }

    @Benchmark
    public ExtractedPitch extractHtmlMail() {
        return extractor.extract(htmlMail);
    }

    @Benchmark
    public ExtractedPitch extractHtmlMailWithPdf() {
        return extractor.extract(htmlMailWithPdf);
    }

    @Benchmark
    public Pitch analyzeAgainst50Members() {
        return analyzer.analyze(1, extracted, space);
    }

    /** The fit of the typical e-mail's stems against the space of 50 members, its profile indexed. */
    @Benchmark
    public Pitch.Fit fitAgainst50Members() {
        return index.fit(stems, subjectStems, lowerCaseText);
    }

    /** The stems of the typical e-mail's body, its words kept stemmed from earlier texts, as in a running server. */
    @Benchmark
    public List<String> stemBody() {
        return text.stems(extracted.body(), "en");
    }

    /** Whom the typical e-mail (no introduction) names as having sent its sender, from its subject and body. */
    @Benchmark
    public List<String> findIntermediaries() {
        return intermediaries.find(mailText);
    }

    /** The kind of the typical e-mail, from its subject and body. */
    @Benchmark
    public MessageKind classifyKind() {
        return kinds.classify(extracted.subject(), extracted.body());
    }

    @Benchmark
    public ChainOutcome policyChain() {
        return chain.evaluate(pitch, Pitches.context(space));
    }

    /**
     * The intro policy alone (the chain hands most policies to their pools, which a loaded machine makes
     * slow to measure) on an introduction naming people nobody knows, each looked up among 200 known contacts.
     */
    @Benchmark
    public PolicyOutcome introPolicyOnIntroduction() {
        return introPolicy.evaluate(introduction, new CrmContext(space, contacts, Instant.EPOCH));
    }

    /**
     * The built-in chain (run in the calling thread) on the introduction, with the CRM of 200 known contacts:
     * the greeting, name spans and cues every policy reads in it.
     */
    @Benchmark
    public ChainOutcome policyChainOnIntroduction() {
        return chain.evaluate(introduction, new CrmContext(space, contacts, Instant.EPOCH));
    }

    /** The built-in chain on a reply of about 10 KB that quotes someone else's message, line by line. */
    @Benchmark
    public ChainOutcome policyChainOnReply() {
        return chain.evaluate(reply, Pitches.context(space));
    }

    /** The spans of the introduction that may name a person, as the intro policy looks them up. */
    @Benchmark
    public List<String> nameCandidatesOfIntroduction() {
        return intermediaries.nameCandidates(introductionText);
    }
}
