package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.Pitch.Fit;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.spi.SpaceProfile.MemberProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileIndexTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final SpaceProfile space = new SpaceProfile("s", "Ruche", List.of("fr", "en"),
            "Coworking pour artisans et designers", List.of("coffee supplier", "fournisseur de café"),
            List.of("SEO"), List.of(), List.of(
                    new MemberProfile("ana", "Ana", "ana@x.example", List.of("illustration"), List.of(),
                            List.of("accounting software", "logiciel de comptabilité")),
                    new MemberProfile("bo", "Bo", "bo@x.example", List.of("carpentry", "menuiserie"), List.of(), List.of())),
            List.of(), List.of());
    private final ProfileIndex index = new ProfileIndex(space, analyzer);

    @Test
    void aNeedMatchesInEitherLanguage() {
        assertThat(fit("We roast specialty coffee for offices", "en").matched("needs")).containsExactly("coffee supplier");
        assertThat(fit("Nous torréfions du café pour les bureaux", "fr").matched("needs")).contains("fournisseur de café");
    }

    @Test
    void aGenericWordAloneMatchesNothing() {
        Fit fit = fit("Our new software helps trucking fleets", "en");
        assertThat(fit.matched("ana.openTo")).isEmpty();
    }

    @Test
    void memberFitIsHighestForTheMemberWhoseFieldItIs() {
        Fit fit = fit("Handmade carpentry and menuiserie workshops for oak furniture", "en");
        assertThat(fit.members().get("bo")).isGreaterThan(fit.members().get("ana"));
        assertThat(fit.matched("bo.skills")).contains("carpentry");
    }

    @Test
    void unrelatedTextScoresZero() {
        Fit fit = fit("Cheap flights to Bangkok and Bali this winter", "en");
        assertThat(fit.space()).isZero();
        assertThat(fit.matches()).isEmpty();
    }

    private Fit fit(String text, String language) {
        return index.fit(analyzer.stems(text, language));
    }
}
