package com.pitchgate.analyze;

import com.pitchgate.extract.ExtractedAttachment;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.SpaceProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analysis stage: language, stems, intermediaries and fit, turning an extracted pitch into the
 * {@link Pitch} that policies read. Thread-safe; heavy objects (models, profile indexes) are built
 * once.
 */
public final class Analyzer {

    /** Below this many characters of body, attachments also decide the language. */
    private static final int SHORT_BODY = 300;

    /**
     * Stems come from the first this many characters of the body and of each attachment. Past that a
     * text mostly repeats its words, and stemming long attachments whole was a large cost of screening
     * big messages (see docs/benchmarks.md).
     */
    static final int ANALYSED_CHARS = 20_000;

    private final LanguageIdentifier languages = new LanguageIdentifier();
    private final TextAnalyzer text = new TextAnalyzer();
    private final IntermediaryFinder intermediaries = new IntermediaryFinder();
    private final KindClassifier kinds = KindClassifier.shipped();

    public Analyzer() {
        // Built now, at start-up, rather than on the first pitch: each reads or trains on thousands of texts.
        Lexicon.shipped();
        TermWeights.shipped();
    }
    private final Map<String, IndexedProfile> indexes = new ConcurrentHashMap<>();

    public Pitch analyze(long id, ExtractedPitch extracted, SpaceProfile space) {
        String language = languages.identify(languageSample(extracted));
        String stemLanguage = stemLanguage(language, space.languages());
        List<String> stems = new ArrayList<>(text.stems(extracted.subject(), stemLanguage));
        int subjectStems = stems.size();
        stems.addAll(text.stems(start(extracted.body()), stemLanguage));
        List<Pitch.Attachment> attachments = new ArrayList<>();
        for (ExtractedAttachment attachment : extracted.attachments()) {
            stems.addAll(text.stems(start(attachment.text()), stemLanguage));
            attachments.add(new Pitch.Attachment(attachment.filename(), attachment.mediaType(), attachment.text()));
        }
        Pitch.Fit fit = index(space).fit(stems, subjectStems,
                (extracted.subject() + "\n" + start(extracted.body())).toLowerCase(java.util.Locale.ROOT));
        List<String> named = intermediaries.find(extracted.subject() + "\n" + extracted.body());
        return new Pitch(id, extracted.channel(), extracted.sender(), extracted.replyTo(),
                Organisations.ofDomain(extracted.sender().domain()), extracted.subject(), extracted.body(), attachments,
                language, headers(extracted), extracted.marks(), new LinkedHashSet<>(stems), named, fit,
                kinds.classify(extracted.subject(), kindSample(extracted)));
    }

    /**
     * The headers policies see: a mail's own; for a web form, the company its sender typed in as
     * {@code Organization}, the header a mail client would have sent it in.
     */
    private static Map<String, List<String>> headers(ExtractedPitch extracted) {
        if (extracted.company().isEmpty() || extracted.headers().containsKey("organization")) {
            return extracted.headers();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(extracted.headers());
        headers.put("organization", List.of(extracted.company().get()));
        return headers;
    }

    /**
     * The language to stem a text in: the one detected when a stemmer exists for it, otherwise the
     * space's first language that has one (short or mixed texts are often misdetected), else English.
     */
    public static String stemLanguage(String detected, List<String> spaceLanguages) {
        return TextAnalyzer.canStem(detected) ? detected
                : spaceLanguages.stream().filter(TextAnalyzer::canStem).findFirst().orElse("en");
    }

    private static String start(String text) {
        return text.length() <= ANALYSED_CHARS ? text : text.substring(0, ANALYSED_CHARS);
    }

    /**
     * The text the kind is read from: the body, and when it is short ("please find our proposal
     * attached") the attachments too, which then say what the message is.
     */
    private static String kindSample(ExtractedPitch extracted) {
        if (extracted.body().length() >= SHORT_BODY || extracted.attachments().isEmpty()) {
            return extracted.body();
        }
        StringBuilder sample = new StringBuilder(extracted.body());
        for (ExtractedAttachment attachment : extracted.attachments()) {
            sample.append('\n').append(attachment.text(), 0, Math.min(attachment.text().length(), KindFeatures.READ_CHARS));
        }
        return sample.toString();
    }

    /** The text the language is told from: no more than the identifier reads of it. */
    private static String languageSample(ExtractedPitch extracted) {
        StringBuilder sample = new StringBuilder(LanguageIdentifier.SAMPLE_CHARS + 1);
        append(sample, extracted.subject());
        append(sample, "\n");
        append(sample, extracted.body());
        if (extracted.body().length() < SHORT_BODY) {
            for (ExtractedAttachment attachment : extracted.attachments()) {
                append(sample, "\n");
                append(sample, attachment.text());
            }
        }
        return sample.toString();
    }

    private static void append(StringBuilder sample, String text) {
        int room = LanguageIdentifier.SAMPLE_CHARS - sample.length();
        if (room > 0) {
            sample.append(text, 0, Math.min(text.length(), room));
        }
    }

    private ProfileIndex index(SpaceProfile space) {
        IndexedProfile cached = indexes.get(space.id());
        if (cached == null || cached.profile() != space) {
            cached = new IndexedProfile(space, new ProfileIndex(space, text));
            indexes.put(space.id(), cached);
        }
        return cached.index();
    }

    private record IndexedProfile(SpaceProfile profile, ProfileIndex index) {
    }
}
