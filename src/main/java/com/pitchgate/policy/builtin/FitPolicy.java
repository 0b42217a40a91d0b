package com.pitchgate.policy.builtin;

import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.text.Decimals;
import java.util.ArrayList;
import java.util.List;

/**
 * How well the pitch fits what the space and its members said: a stated need answered, an offer a
 * member is open to, the space's or a member's domain, or nothing at all. Offers the profile says
 * it does not want weigh against.
 */
@PolicyInfo(name = "fit", description = "Fit against the space's needs, unwanted offers, and each member's profile.")
public final class FitPolicy implements Policy {

    static final Signal ANSWERS_NEED = new Signal("answers_need", 7.0, "answers a need the space stated");
    static final Signal MEMBER_OPEN_TO = new Signal("member_open_to", 7.0, "an offer a member is open to");
    static final Signal NOT_WANTED = new Signal("not_wanted", -6.0, "offers what the space does not want");
    static final Signal DOMAIN_FIT = new Signal("domain_fit", 1.5, "touches the field of the space or a member");
    static final Signal NO_FIT = new Signal("no_fit", -3.0, "an offer with nothing in common with the space or any member");

    @Override
    public List<Signal> signals() {
        return List.of(ANSWERS_NEED, MEMBER_OPEN_TO, NOT_WANTED, DOMAIN_FIT, NO_FIT);
    }

    /**
     * From this probability of being an offer, a message may be one: a news item or a notification
     * the categoriser reads as mass mail is not an offer that ignored the profile.
     */
    private static final double MAY_BE_AN_OFFER = 0.25;
    /**
     * Below this probability for its likeliest kind, the categoriser cannot tell what the message is
     * (a news item of two lines, a note with a link): too thin to decline it for what it lacks.
     */
    private static final double UNDECIDED = 0.3;
    /** From this probability of selling (an offer, mass mail, a bump), a message sells something... */
    private static final double SELLS = 0.6;
    /** ...unless it may well be correspondence: a news item, a notification. */
    private static final double MAY_BE_CORRESPONDENCE = 0.25;

    /** From this probability of being an offer, asking for something in passing ("we'd like to show you") is still selling. */
    private static final double FIRM_OFFER = 0.6;

    private double closeFit = 0.12;
    private double noFit = 0.05;
    private int minStemsToJudge = 12;

    @Override
    public void init(PolicyConfig config) throws PolicyException {
        closeFit = config.number("closeFit", closeFit);
        noFit = config.number("noFit", noFit);
        minStemsToJudge = (int) config.number("minStemsToJudge", minStemsToJudge);
        if (noFit > closeFit) {
            throw new PolicyException("policy " + config.name() + ": noFit (" + noFit + ") must not exceed closeFit (" + closeFit + ")");
        }
    }

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        Pitch.Fit fit = pitch.fit();
        // Mass mail and bumps are declined whatever they sell: a need is met by a pitch, not a blast. A
        // message only leaning that way is judged as the offer it may be.
        MessageKind kind = pitch.kind();
        // A newsletter the reader subscribed to writes about its field; it offers the space nothing.
        boolean subscribed = context.signalsSoFar().stream()
                .anyMatch(raised -> raised.signal().name().equals(CorrespondencePolicy.SUBSCRIBED_NEWSLETTER.name()));
        if (kind.isSurely(MessageKind.BULK) || kind.isSurely(MessageKind.BUMP)) {
            List<String> unwanted = subscribed ? List.<String>of() : fit.matched("notWanted");
            return unwanted.isEmpty() ? PolicyOutcome.nothing() : PolicyOutcome.of(List.of(notWanted(unwanted)));
        }
        List<Signal> signals = new ArrayList<>();
        List<String> needs = fit.matched("needs");
        if (!needs.isEmpty()) {
            signals.add(ANSWERS_NEED.withDetail("answers the space's stated need " + TextCues.quoted(needs)));
        }
        // What the space does not want is an offer: a reply in a thread or a customer's request that
        // names it ("a talk on crypto at our meetup") offers nothing.
        List<String> unwanted = isPitch(pitch) && !subscribed ? fit.matched("notWanted") : List.of();
        if (!unwanted.isEmpty()) {
            signals.add(notWanted(unwanted));
        }
        List<String> openTo = new ArrayList<>();
        List<String> domain = new ArrayList<>();
        for (SpaceProfile.MemberProfile member : context.space().members()) {
            List<String> open = fit.matched(member.id() + ".openTo");
            if (!open.isEmpty()) {
                openTo.add(member.name() + " is open to " + TextCues.quoted(open));
            }
            List<String> skills = new ArrayList<>(fit.matched(member.id() + ".skills"));
            skills.addAll(fit.matched(member.id() + ".interests"));
            if (!skills.isEmpty()) {
                domain.add(member.name() + " (" + String.join(", ", skills) + ")");
            }
        }
        if (!openTo.isEmpty()) {
            signals.add(MEMBER_OPEN_TO.withDetail(String.join("; ", openTo)));
        }
        double best = Math.max(fit.space(), fit.members().values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        if (needs.isEmpty() && openTo.isEmpty()) {
            if ((!domain.isEmpty() || best >= closeFit) && unwanted.isEmpty()) {
                signals.add(DOMAIN_FIT.withDetail(domainDetail(domain, best)));
            } else if (best < noFit && pitch.stems().size() >= minStemsToJudge && unwanted.isEmpty() && sells(pitch)
                    && !mayBeAsking(pitch) && fit.matched(Pitch.Fit.TOUCHED).isEmpty()) {
                signals.add(NO_FIT.withDetail(
                        "nothing in common with the space or any member (best fit " + Decimals.rounded(best, 3) + ")"));
            }
        }
        return PolicyOutcome.of(signals);
    }

    /**
     * Whether the message pitches something: an inquiry needs no fit to be welcome, and mail that is
     * not a pitch is not judged on it.
     */
    static boolean isPitch(Pitch pitch) {
        return !pitch.kind().is(MessageKind.INQUIRY) && !pitch.kind().is(MessageKind.CORRESPONDENCE);
    }

    /**
     * Whether the message reads as an offer: a lack of fit is held against an offer, never against
     * what may be a newsletter, a notification or a customer's request.
     */
    private static boolean sells(Pitch pitch) {
        MessageKind kind = pitch.kind();
        if (!isPitch(pitch)) {
            return false;
        }
        if (kind.is(MessageKind.UNKNOWN_KIND)) {
            return true;
        }
        if (kind.confidence() < UNDECIDED) {
            return false;
        }
        double selling = kind.probability(MessageKind.OFFER) + kind.probability(MessageKind.BULK)
                + kind.probability(MessageKind.BUMP);
        return kind.probability(MessageKind.OFFER) >= MAY_BE_AN_OFFER
                || selling >= SELLS && kind.probability(MessageKind.CORRESPONDENCE) <= MAY_BE_CORRESPONDENCE;
    }

    private static Signal notWanted(List<String> unwanted) {
        return NOT_WANTED.withDetail("offers what the space does not want: " + TextCues.quoted(unwanted));
    }

    /**
     * A message the categoriser does not firmly read as an offer, that asks for something in so many
     * words ("nous souhaiterions recevoir un devis"): an inquiry needs no fit, so its lack of fit is
     * no reason to decline it.
     */
    private static boolean mayBeAsking(Pitch pitch) {
        return pitch.kind().probability(MessageKind.OFFER) < FIRM_OFFER
                && !InquiryPolicy.REQUESTS.find(pitch.subject() + "\n" + pitch.body(), 1).isEmpty();
    }

    private static String domainDetail(List<String> domain, double best) {
        String fitText = "best fit " + Decimals.rounded(best, 3);
        return domain.isEmpty() ? "close to the space's domain, " + fitText
                : "touches the field of " + String.join("; ", domain) + ", " + fitText;
    }
}
