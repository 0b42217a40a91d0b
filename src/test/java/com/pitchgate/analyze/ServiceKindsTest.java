package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.spi.SpaceProfile.MemberProfile;
import java.util.List;
import java.util.Locale;
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

    /** The trades of members and freelancers: what they ask for in one language, met by what a vendor sells in the other. */
    @Test
    void theTradesOfMembersAndFreelancersAreMetByWhatTheirSuppliersSell() {
        ServiceKinds shipped = ServiceKinds.shipped(analyzer);
        assertThat(shipped.narrowerThan("outils de TAO", languages)).contains("trados", "memoq", "translation memories");
        assertThat(shipped.narrowerThan("kitchen equipment", languages)).contains("four mixte", "cellule de refroidissement");
        assertThat(shipped.narrowerThan("expert-comptable pour indépendants", languages)).contains("self assessment tax return", "bilan comptable");

        SpaceProfile space = new SpaceProfile("s", "Atelier", List.of("fr", "en"), "Coworking",
                List.of("outils de TAO", "expert-comptable pour indépendants", "équipement de fitness", "travaux de rénovation"),
                List.of("placements financiers"), List.of(), List.of(
                        new MemberProfile("ux", "Lou", "lou@x.example", List.of("user research"), List.of(), List.of()),
                        new MemberProfile("gl", "Gil", "gil@x.example", List.of(), List.of(), List.of("organic produce suppliers", "kitchen equipment"))),
                List.of(), List.of());
        ProfileIndex index = new ProfileIndex(space, analyzer);

        assertThat(matched(index, "Trados Studio licences at half price for freelance translators", "en", "needs")).containsExactly("outils de TAO");
        assertThat(matched(index, "We file your self assessment tax return as a sole trader, from 150 pounds", "en", "needs"))
                .containsExactly("expert-comptable pour indépendants");
        assertThat(matched(index, "We lease pilates reformers and kettlebells to studios", "en", "needs")).containsExactly("équipement de fitness");
        assertThat(matched(index, "Soundproofing for offices: we treat walls and ceilings in a weekend", "en", "needs"))
                .containsExactly("travaux de rénovation");
        assertThat(matched(index, "Investissez dans des parts de SCPI : 5 % de rendement et une défiscalisation", "fr", "notWanted"))
                .containsExactly("placements financiers");
        assertThat(matched(index, "Recrutement de participants pour vos tests : un panel de 20 000 testeurs", "fr", "ux.skills"))
                .containsExactly("user research");
        assertThat(matched(index, "Nous livrons des fours mixtes et des cellules de refroidissement aux cuisines professionnelles", "fr", "gl.openTo"))
                .containsExactly("kitchen equipment");
        // Nothing of what they sell: a supplement maker's "protein blends" for "nutrition professionals" is no kitchen equipment.
        assertThat(matched(index, "We make plant-based protein and vitamin blends for nutrition professionals", "en", "gl.openTo")).isEmpty();
        assertThat(matched(index, "Nous livrons vos fournitures de bureau en 24 heures", "fr", "notWanted")).isEmpty();
    }

    private List<String> matched(ProfileIndex index, String text, String language, String field) {
        return index.fit(analyzer.stems(text, language), 0, text.toLowerCase(Locale.ROOT)).matched(field);
    }
}
