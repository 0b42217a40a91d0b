package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.RaisedSignal;
import com.pitchgate.spi.Signal;
import com.pitchgate.support.Pitches;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FitPolicyTest {

    private final FitPolicy policy = new FitPolicy();

    /** A digest of web-marketing news that speaks of online reviews: what the space does not want, word for word. */
    private static Pitch digest(String kind) {
        String other = kind.equals(MessageKind.OFFER) ? MessageKind.BULK : MessageKind.OFFER;
        MessageKind reading = new MessageKind(kind, Map.of(kind, 0.9, other, 0.1));
        Pitch.Fit fit = new Pitch.Fit(0.05, Map.of(), Map.of("notWanted", List.of("SEO")));
        return new Pitch(1, "email", new Pitch.Address("news@webdigest.example", "Web Digest", "webdigest.example"),
                Optional.empty(), Optional.of("webdigest.example"), "This week: online reviews and search",
                "In this issue: how online reviews move search results...", List.of(), "en", Map.of(), Set.of(), Set.of(),
                List.of(), fit, reading);
    }

    /** A one-to-one offer with almost no words of the profile. */
    private static Pitch offer(Map<String, List<String>> matches) {
        return offer(matches, new MessageKind(MessageKind.OFFER, Map.of(MessageKind.OFFER, 0.8, MessageKind.BULK, 0.2)));
    }

    private static Pitch offer(Map<String, List<String>> matches, MessageKind reading) {
        String body = "Nous fabriquons des bobines de un et trois kilos, livrées chaque mois avec reprise des bobines vides, "
                + "prix de gros dès dix bobines, échantillons gratuits sur simple demande, fabrication locale et rapide";
        List<String> stems = List.of(body.split(" "));
        return new Pitch(1, "form", new Pitch.Address("isa@bobines.example", "Isa", "bobines.example"), Optional.empty(),
                Optional.of("bobines.example"), "Bobines livrées chaque mois", body, List.of(), "fr", Map.of(), Set.of(),
                Set.copyOf(stems), List.of(), new Pitch.Fit(0.01, Map.of(), matches), reading);
    }

    @Test
    void anOfferWithNothingInCommonHasNoFit() {
        assertThat(signals(offer(Map.of()), List.of())).contains("no_fit");
    }

    /** A reading split four ways (a two-line news item, a note with a link) is too thin to decline for what it lacks. */
    @Test
    void aMessageTheCategoriserCannotTellIsNotSaidToHaveNothingInCommon() {
        MessageKind undecided = new MessageKind(MessageKind.BULK, Map.of(MessageKind.BULK, 0.26, MessageKind.INQUIRY, 0.25,
                MessageKind.OFFER, 0.25, MessageKind.CORRESPONDENCE, 0.2, MessageKind.INTRO, 0.04));
        MessageKind leaning = new MessageKind(MessageKind.OFFER, Map.of(MessageKind.OFFER, 0.32, MessageKind.BULK, 0.26,
                MessageKind.INQUIRY, 0.22, MessageKind.CORRESPONDENCE, 0.2));

        assertThat(signals(offer(Map.of(), undecided), List.of())).doesNotContain("no_fit");
        assertThat(signals(offer(Map.of(), leaning), List.of())).contains("no_fit");
    }

    /** It names the weightiest word of a need: something in common, if not enough to say it answers it. */
    @Test
    void anOfferThatTouchesANeedIsNotSaidToHaveNothingInCommon() {
        assertThat(signals(offer(Map.of(Pitch.Fit.TOUCHED, List.of("3D printer filament supplier"))), List.of()))
                .doesNotContain("no_fit");
    }

    private List<String> signals(Pitch pitch, List<RaisedSignal> before) {
        return policy.evaluate(pitch, Pitches.context(Pitches.space(List.of(), List.of()), before)).signals().stream()
                .map(Signal::name).toList();
    }

    @Test
    void massMailOfferingWhatIsNotWantedIsSaidToOfferIt() {
        assertThat(signals(digest(MessageKind.BULK), List.of())).contains("not_wanted");
    }

    /** The reader asked for that newsletter: it writes about its field, it offers the space nothing. */
    @Test
    void aNewsletterTheReaderSubscribedToOffersNothingUnwanted() {
        List<RaisedSignal> subscribed = List.of(new RaisedSignal("correspondence", CorrespondencePolicy.SUBSCRIBED_NEWSLETTER));
        assertThat(signals(digest(MessageKind.BULK), subscribed)).doesNotContain("not_wanted");
        assertThat(signals(digest(MessageKind.OFFER), subscribed)).doesNotContain("not_wanted");
        assertThat(signals(digest(MessageKind.OFFER), List.of())).contains("not_wanted");
    }
}
