package com.pitchgate.policy.builtin;

import com.pitchgate.analyze.IntermediaryFinder;
import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.ScreeningContext.KnownContact;
import com.pitchgate.spi.Verdict;
import com.pitchgate.text.AddressMatches;
import com.pitchgate.text.Decimals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network is the filter: a pitch that comes through someone the space knows (a member or a
 * known contact) is forwarded, however the sender words it. The intermediary may be a recorded
 * intro for the sender or their organisation; a colleague of theirs (the sender writes from their
 * organisation's domain); copied on the message; or named in it, when the message reads as an
 * introduction (the trained categoriser, or a cue such as "de la part de X"), by name or address.
 * A named intermediary nobody knows earns a cold pitch an intro request, never a "no"; an inquiry
 * needs no intro at all.
 */
@PolicyInfo(name = "intro", description = "Forwards pitches that come through a member or known contact: named in any wording, copied, or a colleague.")
public final class IntroPolicy implements Policy {

    private static final IntermediaryFinder NAMES = new IntermediaryFinder();
    private static final Pattern ADDRESS = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /** The addresses of a message's text, looked for at its @s only: scanning a long body for them was costly. */
    private static final AddressMatches ADDRESSES = new AddressMatches(ADDRESS, ".+'-");
    private static final int MAX_COPIED = 20;
    /** What String.split("\\s+") compiled on each call, for every pair of names a message mentions. */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A member's full name in a message that reads this much as an introduction is taken for one. */
    private static final double MEMBER_NAMED_INTRO_PROBABILITY = 0.05;
    /** A message that reads as an introduction this surely, and names nobody the space knows, needs one. */
    private static final double UNKNOWN_INTRO_PROBABILITY = 0.5;

    /** From this probability of being an introduction, the names in a message are looked up. */
    private double introProbability = 0.3;

    @Override
    public void init(PolicyConfig config) throws PolicyException {
        introProbability = ProbabilitySetting.read(config, "introProbability", introProbability);
    }

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        Optional<ScreeningContext.Introduction> vouched = context.introducerOf(pitch.sender().email(), pitch.organisation());
        if (vouched.isPresent()) {
            ScreeningContext.Introduction intro = vouched.get();
            String whom = intro.scope().equals("organisation") ? "the team at " + intro.value() : intro.value();
            return forward("known_through", intro.introducer() + " (" + intro.introducerKind() + ") knows " + whom);
        }
        Optional<KnownContact> colleague = pitch.organisation().filter(o -> !pitch.sender().domain().isBlank())
                .flatMap(o -> context.knownAtOrganisation(pitch.sender().domain()));
        if (colleague.isPresent()) {
            return forward("known_organisation", "writes from " + pitch.sender().domain() + ", where "
                    + described(colleague.get()) + " is");
        }
        Optional<String> organisationName = pitch.header("Organization").map(String::strip).filter(name -> !name.isEmpty());
        Optional<KnownContact> staff = organisationName.flatMap(context::knownAtOrganisationNamed);
        if (staff.isPresent()) {
            return forward("known_organisation", "writes for " + organisationName.get() + ", where " + described(staff.get()) + " is");
        }
        Optional<KnownContact> copied = copied(pitch, context);
        if (copied.isPresent()) {
            return forward("copied_known", described(copied.get()) + " is copied on the message");
        }
        String text = pitch.subject() + "\n" + pitch.body();
        List<String> candidates = NAMES.nameCandidates(text);
        Set<String> wordsOfFullNames = wordsOfFullNames(candidates);
        for (String name : pitch.intermediaries()) {
            if (partOfAnotherName(name, wordsOfFullNames)) {
                continue;
            }
            Optional<KnownContact> known = context.personByName(name);
            if (known.isPresent()) {
                return forward("introduced_by", "introduced by " + described(known.get()) + ", named as \"" + name + "\"");
            }
        }
        boolean readsAsIntro = pitch.kind().probability(MessageKind.INTRO) >= introProbability;
        Optional<String> intermediary = namedKnown(text, candidates, wordsOfFullNames, readsAsIntro, pitch, context);
        if (intermediary.isPresent()) {
            return forward("introduced_by", intermediary.get());
        }
        // A customer needs no intro, and a mass mailing's "X suggested" vouches for nothing.
        MessageKind kind = pitch.kind();
        // What little a sure introduction leaves to asking or offering does not make it a customer's.
        boolean asks = !kind.isSurely(MessageKind.INTRO) && kind.probability(MessageKind.INQUIRY) > kind.probability(MessageKind.OFFER);
        // A first message naming an intermediary outweighs a guess of correspondence; a sure reading, a
        // reply or a list post is a letter that mentions a name ("On Behalf Of" in a quoted header).
        boolean correspondence = kind.is(MessageKind.CORRESPONDENCE) && (pitch.intermediaries().isEmpty()
                || kind.isSurely(MessageKind.CORRESPONDENCE) || MailThread.isReply(pitch)
                || pitch.header("List-Id").or(() -> pitch.header("List-Post")).isPresent());
        if (asks || kind.is(MessageKind.INQUIRY) || correspondence || kind.is(MessageKind.BULK) || kind.is(MessageKind.BUMP)) {
            return PolicyOutcome.nothing();
        }
        // Someone nobody knows does not vouch for what the space said it does not want: the fit policy judges it.
        if (!pitch.fit().matched("notWanted").isEmpty()) {
            return PolicyOutcome.nothing();
        }
        if (!pitch.intermediaries().isEmpty()) {
            return PolicyOutcome.decide(new Verdict(Queue.REQUIRES_INTRO, "unknown_intermediary",
                    "names " + pitch.intermediaries().get(0) + " as intermediary, who is not known here"));
        }
        if (kind.is(MessageKind.INTRO) && kind.confidence() >= UNKNOWN_INTRO_PROBABILITY) {
            return PolicyOutcome.decide(new Verdict(Queue.REQUIRES_INTRO, "unknown_intermediary",
                    "reads as an introduction (" + Decimals.rounded(100 * kind.confidence(), 0) + "% sure), through nobody known here"));
        }
        return PolicyOutcome.nothing();
    }

    /**
     * A known person among the names and addresses the message mentions, described. A contact's full
     * name or an address, or the name of a known contact's organisation, vouches in any message: a
     * vendor does not name the space's network by chance. A first name alone, or a member's name
     * (vendors write to members by name), only in a message that reads as an introduction.
     */
    private static Optional<String> namedKnown(String text, List<String> candidates, Set<String> wordsOfFullNames,
            boolean readsAsIntro, Pitch pitch, ScreeningContext context) {
        for (String found : ADDRESSES.in(text)) {
            String address = found.toLowerCase(Locale.ROOT);
            if (!address.equals(pitch.sender().email())) {
                Optional<KnownContact> known = context.contactByEmail(address);
                if (known.isPresent() && (readsAsIntro || known.get().kind().equals("contact"))) {
                    return Optional.of("introduced by " + described(known.get()) + ", whose address it gives");
                }
            }
        }
        Set<String> ownNames = new LinkedHashSet<>(List.of(SPACES.split(pitch.sender().name().toLowerCase(Locale.ROOT))));
        for (String candidate : candidates) {
            boolean fullName = candidate.indexOf(' ') > 0;
            if (!(readsAsIntro || fullName) || ownNames.contains(candidate.toLowerCase(Locale.ROOT))
                    || candidate.equalsIgnoreCase(context.space().name()) || partOfAnotherName(candidate, wordsOfFullNames)) {
                continue;
            }
            Optional<KnownContact> known = context.personByName(candidate);
            if (known.isPresent() && !known.get().email().equalsIgnoreCase(pitch.sender().email())
                    && (readsAsIntro || known.get().kind().equals("contact")
                            || (fullName && pitch.kind().probability(MessageKind.INTRO) >= MEMBER_NAMED_INTRO_PROBABILITY))) {
                String sure = Decimals.rounded(100 * pitch.kind().probability(MessageKind.INTRO), 0);
                return Optional.of("introduced by " + described(known.get()) + ", named as \"" + candidate
                        + "\" (the message reads as an introduction: " + sure + "%)");
            }
            if (fullName) {
                Optional<KnownContact> staff = context.knownAtOrganisationNamed(candidate);
                if (staff.isPresent()) {
                    return Optional.of("comes through " + candidate + ", where " + described(staff.get()) + " is");
                }
            }
        }
        return Optional.empty();
    }

    /** "Claire" alone, where the message also names "Claire Dubois": it is her, whoever else is called Claire. */
    static boolean partOfAnotherName(String candidate, Set<String> wordsOfFullNames) {
        return candidate.indexOf(' ') < 0 && wordsOfFullNames.contains(candidate);
    }

    /**
     * Every word of the candidates of two words or more, split once: each name of a message was compared
     * with each other, a regex compiled for each pair.
     */
    static Set<String> wordsOfFullNames(List<String> candidates) {
        Set<String> words = new HashSet<>();
        for (String other : candidates) {
            if (other.indexOf(' ') > 0) {
                words.addAll(Arrays.asList(SPACES.split(other)));
            }
        }
        return words;
    }

    /** A member or known contact in Cc (or among the other recipients). */
    private static Optional<KnownContact> copied(Pitch pitch, ScreeningContext context) {
        List<String> recipients = new ArrayList<>();
        for (String header : List.of("cc", "to")) {
            List<String> values = pitch.headers().getOrDefault(header, List.of());
            for (String value : values) {
                Matcher matcher = ADDRESS.matcher(value);
                while (matcher.find() && recipients.size() < MAX_COPIED) {
                    recipients.add(matcher.group().toLowerCase(Locale.ROOT));
                }
            }
        }
        for (String address : recipients) {
            if (address.equals(pitch.sender().email())) {
                continue;
            }
            Optional<KnownContact> known = context.contactByEmail(address);
            // A member written to directly is the recipient, not an intermediary.
            if (known.isPresent() && !(known.get().kind().equals("member") && isOnlyRecipient(pitch, address))) {
                return known;
            }
        }
        return Optional.empty();
    }

    private static boolean isOnlyRecipient(Pitch pitch, String address) {
        List<String> to = pitch.headers().getOrDefault("to", List.of());
        return pitch.headers().getOrDefault("cc", List.of()).isEmpty() && to.size() == 1
                && to.get(0).toLowerCase(Locale.ROOT).contains(address) && to.get(0).indexOf(',') < 0;
    }

    private static String described(KnownContact person) {
        String name = person.name().isBlank() ? person.email() : person.name();
        return name + " (" + person.kind() + ")";
    }

    private static PolicyOutcome forward(String signal, String detail) {
        return PolicyOutcome.decide(new Verdict(Queue.FORWARD, signal, detail));
    }
}
