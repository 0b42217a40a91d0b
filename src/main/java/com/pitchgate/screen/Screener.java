package com.pitchgate.screen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.analyze.Analyzer;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.FormExtractor;
import com.pitchgate.extract.FormSubmission;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.ingest.Envelope;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.policy.ChainOutcome;
import com.pitchgate.policy.SpaceChains;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.route.Reasons;
import com.pitchgate.route.Route;
import com.pitchgate.route.Router;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.SpaceProfile;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure screening step: the raw bytes of one pitch, its channel and the space it was sent to in;
 * a routed decision out. Extract, analyse, run the policy chain, route; it stores nothing and sends
 * nothing, so that the server and the {@code evaluate} command screen a pitch the same way.
 */
public final class Screener {

    private static final Logger LOG = LoggerFactory.getLogger(Screener.class);

    private final MailExtractor mail;
    private final FormExtractor forms;
    private final Analyzer analyzer;
    private final SpaceChains chains;
    private final Router router;
    private final ObjectMapper json;

    public Screener(MailExtractor mail, FormExtractor forms, Analyzer analyzer, SpaceChains chains, Router router,
            ObjectMapper json) {
        this.mail = mail;
        this.forms = forms;
        this.analyzer = analyzer;
        this.chains = chains;
        this.router = router;
        this.json = json;
    }

    /**
     * Screens one pitch. Content that cannot be read still gets a decision, with a reason saying what
     * could not be read, and so do odd headers (no sender, no Date...), with a reason saying what is odd.
     *
     * @param id      the pitch's id, as policies see it
     * @param channel {@link IntakeService#FORM} (raw is the JSON of a {@link FormSubmission}) or
     *                {@link IntakeService#EMAIL} (raw is an RFC 822 message)
     * @param context what policies may know besides the pitch: the space, the time, the CRM
     */
    public Screening screen(long id, byte[] raw, String channel, ScreeningContext context) {
        Routed routed = decide(read(id, raw, channel, context.space()), context);
        return new Screening(routed.extracted(), routed.pitch(), routed.decide(List.of()));
    }

    /** The first half of {@link #screen}: extract and analyse. */
    public Read read(long id, byte[] raw, String channel, SpaceProfile space) {
        ExtractedPitch extracted = extract(id, raw, channel);
        return new Read(extracted, analyzer.analyze(id, extracted, space));
    }

    /**
     * The first half of {@link #screen} for a pitch intake has just received: read from its envelope,
     * a mail on the headers intake parsed (they are not parsed again), for the envelope's space.
     */
    public Read read(long id, Envelope envelope) {
        SpaceProfile space = envelope.space().profile();
        if (envelope.headers().isEmpty()) {
            return read(id, envelope.raw(), envelope.channel(), space);
        }
        ExtractedPitch extracted = extract(id, envelope.channel(), () -> mail.extract(envelope.headers().get()));
        return new Read(extracted, analyzer.analyze(id, extracted, space));
    }

    /**
     * The second half of {@link #screen}: run the policies and route. The reasons are collected, not
     * yet made a decision: whoever adds the last of them makes it ({@link Routed#decide}).
     */
    public Routed decide(Read read, ScreeningContext context) {
        ChainOutcome outcome = chains.forSpace(context.space().id()).evaluate(read.pitch(), context);
        Reasons reasons = new Reasons().signals(outcome.signals());
        read.extracted().problems().forEach(problem -> reasons.signal(new Reason("extract", "unreadable", 0, problem, false)));
        read.extracted().attachments().forEach(attachment -> attachment.problem().ifPresent(problem -> reasons.signal(
                new Reason("extract", "unreadable", 0, "attachment " + attachment.filename() + ": " + problem, false))));
        // Weightless: odd headers say what a person should know, never where the pitch goes.
        read.extracted().oddHeaders().forEach(odd -> reasons.signal(new Reason("extract", odd.signal(), 0, odd.detail(), false)));
        Route route = router.choose(read.pitch(), context.space(), new ChainOutcome(reasons.signals(), outcome.verdict()));
        return new Routed(read.extracted(), read.pitch(), route, reasons);
    }

    private ExtractedPitch extract(long id, byte[] raw, String channel) {
        return extract(id, channel, () -> IntakeService.FORM.equals(channel)
                ? forms.extract(json.readValue(raw, FormSubmission.class)) : mail.extract(raw));
    }

    /** Content that cannot be read still makes a pitch: an unreadable one, with the reason. */
    private static ExtractedPitch extract(long id, String channel, Extraction extraction) {
        try {
            return extraction.run();
        } catch (Exception e) {
            LOG.warn("pitch {} could not be read", id, e);
            return ExtractedPitch.unreadable(channel, "the pitch could not be read: " + e.getMessage());
        }
    }

    private interface Extraction {
        ExtractedPitch run() throws Exception;
    }

    /** What was read of one pitch, and the analysed pitch policies see. */
    public record Read(ExtractedPitch extracted, Pitch pitch) {
    }

    /**
     * A pitch routed, its reasons collected: where it goes, and why, but not yet the decision, which
     * the stage that gives the last reasons makes, once.
     */
    public record Routed(ExtractedPitch extracted, Pitch pitch, Route route, Reasons reasons) {

        /** The decision, with the notes of what was done once routed (a reply held back) after every other reason. */
        public Decision decide(List<Reason> notes) {
            return reasons.notes(notes).decide(route);
        }
    }

    /** What screening made of one pitch: what was read, what the policies saw, and where it goes. */
    public record Screening(ExtractedPitch extracted, Pitch pitch, Decision decision) {
    }
}
