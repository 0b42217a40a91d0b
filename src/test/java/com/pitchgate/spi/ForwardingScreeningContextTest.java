package com.pitchgate.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.Pitches;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardingScreeningContextTest {

    @Test
    void everyMethodOfTheInterfaceIsPassedOnDefaultsIncluded() throws NoSuchMethodException {
        for (Method method : ScreeningContext.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method forwarding = ForwardingScreeningContext.class.getMethod(method.getName(), method.getParameterTypes());
            assertThat(forwarding.getDeclaringClass()).as(method.getName()).isEqualTo(ForwardingScreeningContext.class);
        }
    }

    @Test
    void aContextThatChangesOneAnswerKeepsTheOthers() {
        ScreeningContext.KnownContact paul = new ScreeningContext.KnownContact("contact", "Paul", "paul@x.example", Optional.empty());
        ScreeningContext base = new ForwardingScreeningContext(Pitches.context(Pitches.space(List.of(), List.of()))) {
            @Override
            public Optional<KnownContact> knownAtOrganisation(String domain) {
                return domain.equals("x.example") ? Optional.of(paul) : Optional.empty();
            }
        };
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        ScreeningContext changed = new ForwardingScreeningContext(base) {
            @Override
            public Instant now() {
                return later;
            }
        };

        assertThat(changed.now()).isEqualTo(later);
        assertThat(changed.knownAtOrganisation("x.example")).contains(paul);
        assertThat(changed.space().id()).isEqualTo(base.space().id());
        assertThat(changed.signalsSoFar()).isEmpty();
    }
}
