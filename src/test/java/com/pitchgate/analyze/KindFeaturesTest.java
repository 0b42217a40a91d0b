package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KindFeaturesTest {

    @Test
    void wordsInCapitalsAreShoutingButAcronymsAndAHeadingAreNot() {
        assertThat(KindFeatures.shouts("ACT NOW! LOWEST PRICES EVER on toner, FREE shipping, ORDER TODAY")).isTrue();
        assertThat(KindFeatures.shouts("Our SEO and UX team met the CTO of the SaaS firm in Lyon about the API")).isFalse();
        assertThat(KindFeatures.shouts("URGENT: the meeting moved to Thursday at ten, in the big room upstairs, "
                + "please tell the others who could not come on Monday and bring the signed forms")).isFalse();
    }

    @Test
    void manyLinksPricesAndExclamationMarksAreMarksOfForm() {
        List<String> blast = List.of(KindFeatures.of("Deals!!!", "Save $10, $20 or $50! See http://a.example/1, "
                + "http://a.example/2 and http://a.example/3 now!"));
        List<String> note = List.of(KindFeatures.of("Lunch", "Lunch was $12, see http://menu.example. Thanks!"));

        assertThat(blast).contains("many=links", "many=amounts", "many=exclamations");
        assertThat(note).contains("has=link", "has=money", "has=exclamation")
                .doesNotContain("many=links", "many=amounts", "many=exclamations", "has=shouting");
    }
}
