package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.support.Pitches;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HomeworkPolicyTest {

    private final HomeworkPolicy policy = new HomeworkPolicy();

    private static Pitch pitch(String body) {
        return new Pitch(1, "email", new Pitch.Address("x@vendor.example", "", "vendor.example"), Optional.empty(),
                Optional.of("vendor.example"), "Nos meubles", body, List.of(), "fr", Map.of(), Set.of(), Set.of(), List.of(),
                Pitch.Fit.NONE);
    }

    /** A space of fifty members; the pitch names a few of them, in any case, deep in a long body. */
    @Test
    void mentionsTheSpaceItsMembersAndKeywordsNamedAnywhereInAnyCase() {
        List<SpaceProfile.MemberProfile> members = IntStream.range(0, 50)
                .mapToObj(i -> new SpaceProfile.MemberProfile("m" + i, "Member" + (char) ('a' + i % 26) + i, null, null, null, null))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        members.add(new SpaceProfile.MemberProfile("lea", "Léa Bernard", null, null, null, null));
        members.add(new SpaceProfile.MemberProfile("zoe", "Zoë Ng", null, null, null, null));
        members.add(new SpaceProfile.MemberProfile("bo", "Bo", null, null, null, null));
        SpaceProfile space = new SpaceProfile("ruche", "La Ruche", List.of("fr"), "", List.of(), List.of(),
                List.of("impression 3D", "atelier bois"), members, List.of(), List.of());
        String body = "Bonjour,\n" + "nous fabriquons des meubles. ".repeat(400)
                + "J'ai parlé avec LÉA BERNARD et memberc2 de votre Atelier Bois à la ruche. Bo aussi.";

        List<String> details = policy.evaluate(pitch(body), Pitches.context(space)).signals()
                .stream().filter(signal -> signal.name().equals("mentions_space")).map(Signal::detail).toList();

        assertThat(details).containsExactly("mentions \"La Ruche\", \"Memberc2\", \"Léa Bernard\", \"atelier bois\"");
    }

    @Test
    void mentionsNothingThatIsNotThere() {
        SpaceProfile space = new SpaceProfile("ruche", "La Ruche", List.of("fr"), "", List.of(), List.of(),
                List.of("impression 3D"), List.of(new SpaceProfile.MemberProfile("lea", "Léa Bernard", null, null, null, null)),
                List.of(), List.of());
        String body = "Léa, Bernard, une ruche; l'impression 3 D. " + "Texte sans rapport. ".repeat(100);

        assertThat(policy.evaluate(pitch(body), Pitches.context(space)).signals())
                .noneMatch(signal -> signal.name().equals("mentions_space"));
    }
}
