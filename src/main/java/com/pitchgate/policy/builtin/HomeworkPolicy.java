package com.pitchgate.policy.builtin;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.text.CharacterPairs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Did the sender do their homework? A pitch that names the space, one of its members or one of its
 * keywords (its street, its events) was written for this recipient; "Dear Sir or Madam" and "I came across your
 * website" were written for a list.
 */
@PolicyInfo(name = "homework", description = "Whether the pitch was written for this space or for a list.")
public final class HomeworkPolicy implements Policy {

    static final Signal MENTIONS_SPACE = new Signal("mentions_space", 1.0, "names the space, a member or a keyword");
    static final Signal GENERIC_GREETING = new Signal("generic_greeting", -1.0, "addressed to nobody in particular");
    static final Signal TEMPLATE_OPENER = new Signal("template_opener", -1.5, "prospecting template wording");
    static final Signal NOTHING_SPECIFIC = new Signal("nothing_specific", -0.5, "an offer that names neither the space nor any member");

    @Override
    public List<Signal> signals() {
        return List.of(MENTIONS_SPACE, GENERIC_GREETING, TEMPLATE_OPENER, NOTHING_SPECIFIC);
    }

    static final TextCues GENERIC_GREETINGS = new TextCues(
            "\\bdear (?:sir(?:\\s*(?:/|or)\\s*madam)?|madam|business owner|partner|friend|team|valued \\w+)\\b",
            "\\bto whom it may concern\\b",
            "\\bhello there\\b",
            "\\bmadame,? monsieur\\b|\\bmadame\\s*/\\s*monsieur\\b|\\bmesdames,? messieurs\\b",
            "\\bà qui de droit\\b",
            "\\bcher(?:e|s)? (?:partenaire|client|dirigeant|responsable)s?\\b");

    static final TextCues TEMPLATE_OPENERS = new TextCues(
            "\\bI came across your (?:website|company|profile|business|space|page)\\b",
            "\\bI (?:noticed|saw) (?:that )?your (?:company|business|website)\\b",
            "\\bcompanies like yours\\b",
            "\\bj'ai découvert votre (?:site|entreprise|société|espace|profil)\\b",
            "\\bdes entreprises comme la vôtre\\b|\\bdes structures comme la vôtre\\b");

    private static final int MIN_STEMS_TO_JUDGE = 20;

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        String text = pitch.subject() + "\n" + pitch.body();
        List<Signal> signals = new ArrayList<>();
        List<String> specifics = specifics(text, context.space());
        if (!specifics.isEmpty()) {
            signals.add(MENTIONS_SPACE.withDetail("mentions " + TextCues.quoted(specifics)));
        }
        if (!FitPolicy.isPitch(pitch)) {
            return PolicyOutcome.of(signals);
        }
        List<String> greetings = GENERIC_GREETINGS.find(text, 2);
        if (!greetings.isEmpty()) {
            signals.add(GENERIC_GREETING.withDetail("addressed to nobody in particular: " + TextCues.quoted(greetings)));
        }
        List<String> openers = TEMPLATE_OPENERS.find(text, 2);
        if (!openers.isEmpty()) {
            signals.add(TEMPLATE_OPENER.withDetail("prospecting template wording " + TextCues.quoted(openers)));
        }
        if (specifics.isEmpty() && greetings.isEmpty() && openers.isEmpty() && pitch.stems().size() >= MIN_STEMS_TO_JUDGE) {
            signals.add(NOTHING_SPECIFIC.withDetail("names neither the space nor any of its members"));
        }
        return PolicyOutcome.of(signals);
    }

    /**
     * The space's name, members' names and keywords the text mentions, anywhere in it. Most are in no
     * given pitch: each is looked for only when the text has each pair of its letters (with fifty
     * members, looking for every name was half the policy chain's time).
     */
    private static List<String> specifics(String text, SpaceProfile space) {
        CharacterPairs lower = CharacterPairs.of(text.toLowerCase(Locale.ROOT));
        List<String> found = new ArrayList<>();
        addIfPresent(lower, space.name(), found);
        for (SpaceProfile.MemberProfile member : space.members()) {
            addIfPresent(lower, member.name(), found);
        }
        for (String keyword : space.keywords()) {
            addIfPresent(lower, keyword, found);
        }
        return found;
    }

    private static void addIfPresent(CharacterPairs lowerText, String phrase, List<String> found) {
        if (phrase != null && phrase.length() >= 3 && lowerText.contains(phrase.toLowerCase(Locale.ROOT))) {
            found.add(phrase);
        }
    }
}
