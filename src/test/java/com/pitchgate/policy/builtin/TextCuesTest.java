package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCuesTest {

    private final TextCues cues = new TextCues("\\bjust following up\\b", "\\{\\{\\s*first_name\\s*\\}\\}");

    @Test
    void findsEachPhraseOnceWhateverItsCase() {
        assertThat(cues.find("Hi {{first_name}}, Just following up... just following up", 5))
                .containsExactly("Just following up", "{{first_name}}");
    }

    @Test
    void aPhraseWrappedAcrossLinesIsStillThePhrase() {
        assertThat(cues.find("Hi, just\n following up on my last note", 5)).containsExactly("just following up");
        assertThat(new TextCues("\\bone[ ]two\\b").find("one\ntwo", 5))
                .as("a space inside a character class stays a space").isEmpty();
    }

    @Test
    void readsOnlyTheStartOfALongText() {
        String filler = "x ".repeat(TextCues.WINDOW);
        assertThat(cues.find("Hi {{first_name}}, " + filler, 5)).containsExactly("{{first_name}}");
        assertThat(cues.find(filler + " Hi {{first_name}}", 5)).isEmpty();
    }

    @Test
    void patternsThatShareAStartStillEachFindTheirPhrases() {
        TextCues shared = new TextCues("\\bwe are looking for an? \\w+", "\\bmadame,? monsieur\\b|\\bmesdames\\b",
                "%\\s*first_?name\\s*%", "\\bdemo\\b|trial");
        assertThat(shared.find("Madame, Monsieur, we are looking for a desk. Hi %first_name%, free trial or demo?", 10))
                .containsExactly("we are looking for a desk", "Madame, Monsieur", "%first_name%", "trial", "demo");
        assertThat(shared.find("nothing here", 10)).isEmpty();
        assertThat(shared.find("Mesdames, ... we are looking for an office", 1)).containsExactly("we are looking for an office");
    }

    @Test
    void aWordBoundaryIsFactoredOutOnlyWhenEveryBranchStartsWithOne() {
        assertThat(TextCues.allBranchesStartWithWordBoundary("\\bone\\b|\\btwo")).isTrue();
        assertThat(TextCues.allBranchesStartWithWordBoundary("\\bone|two")).isFalse();
        assertThat(TextCues.allBranchesStartWithWordBoundary("\\b(?:one|two)[|]")).isTrue();
        assertThat(TextCues.allBranchesStartWithWordBoundary("\\{\\{name\\}\\}")).isFalse();
    }

    @Test
    void aPatternIsTriedAtWordsWhoseFirstLetterItCanStartWithInAnyCase() {
        TextCues cues = new TextCues("\\bà qui de droit\\b", "\\b(?:very )?good\\b", "\\b(?:I|we) need\\b",
                "\\bωmega coworking\\b", "\\bdémo\\b", "\\bso do I$");
        assertThat(cues.find("À QUI DE DROIT: a good, Very Good desk; WE NEED it. I need it. Ωmega coworking, une DÉMO, so do I", 10))
                .containsExactly("À QUI DE DROIT", "good", "Very Good", "WE NEED", "I need", "Ωmega coworking", "DÉMO", "so do I");
        assertThat(cues.find("nobody", 10)).isEmpty();
    }

    @Test
    void theWordsOfTheLastTextAreReusedOnlyForTheSameText() {
        TextCues greetings = new TextCues("\\bdear sir\\b");
        TextCues bumps = new TextCues("\\bcircling back\\b");
        String text = "Dear Sir, circling back on my offer.";
        assertThat(greetings.find(text, 5)).containsExactly("Dear Sir");
        assertThat(TextCues.WordStarts.of(new String(text))).isSameAs(TextCues.WordStarts.of(text));
        assertThat(bumps.find(text, 5)).containsExactly("circling back");
        // Same length, words elsewhere: where the last text's words started says nothing here.
        String other = "Xdear sir! circlingback, Dear sir...";
        assertThat(other).hasSameSizeAs(text);
        assertThat(greetings.find(other, 5)).containsExactly("Dear sir");
        assertThat(bumps.find(other, 5)).isEmpty();
        assertThat(TextCues.WordStarts.of("a b\uD835\uDC00c d").starts()).startsWith(0, 2, 7);
    }
}
