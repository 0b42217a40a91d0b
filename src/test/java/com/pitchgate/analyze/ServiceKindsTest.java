package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceKindsTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final List<String> languages = List.of("en", "fr");

    @Test
    void aKindOfAKindIsAKindButNeverTheOtherWayRound() {
        ServiceKinds kinds = ServiceKinds.of(List.of(
                "marketing, marketing digital > advertising, email marketing",
                "advertising, publicité > billboard campaigns, radio spots"), analyzer);

        assertThat(kinds.narrowerThan("Marketing digital", languages))
                .containsExactlyInAnyOrder("advertising", "email marketing", "billboard campaigns", "radio spots");
        assertThat(kinds.narrowerThan("publicités", languages)).containsExactly("billboard campaigns", "radio spots");
        assertThat(kinds.narrowerThan("radio spots", languages)).isEmpty();
    }

    @Test
    void linesThatNameEachOtherEndTheirExpansion() {
        ServiceKinds kinds = ServiceKinds.of(List.of("outsourcing > offshore development", "offshore development > outsourcing"), analyzer);

        assertThat(kinds.narrowerThan("outsourcing", languages)).containsExactlyInAnyOrder("offshore development", "outsourcing");
    }

    @Test
    void theShippedKindsLoadAndAMalformedLineFailsLoudly() {
        assertThat(ServiceKinds.shipped(analyzer).narrowerThan("référencement", languages)).contains("netlinking", "guest posts");
        assertThatThrownBy(() -> ServiceKinds.of(List.of("advertising > billboards > more"), analyzer))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
