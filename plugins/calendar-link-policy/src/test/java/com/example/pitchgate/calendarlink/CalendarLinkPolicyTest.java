package com.example.pitchgate.calendarlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.SpaceProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarLinkPolicyTest {

    @Test
    void aStrangersBookingLinkRequiresAnIntro() throws Exception {
        PolicyOutcome outcome = policy(Map.of()).evaluate(
                pitch("rep@vendor.example", "Grab 15 minutes here: https://calendly.com/rep/intro-call"), context(false));
        assertEquals(Queue.REQUIRES_INTRO, outcome.verdict().orElseThrow().queue());
        assertTrue(outcome.verdict().orElseThrow().detail().contains("calendly.com/rep/intro-call"));
    }

    @Test
    void recognisesOtherBookingHostsAndConfiguredOnes() throws Exception {
        CalendarLinkPolicy policy = policy(Map.of("hosts", List.of("book.example")));
        assertTrue(policy.evaluate(pitch("a@b.example", "Pick a time: meetings.hubspot.com/jane"), context(false)).verdict().isPresent());
        assertTrue(policy.evaluate(pitch("a@b.example", "Réservez un créneau : https://cal.com/jean/30min"), context(false)).verdict().isPresent());
        assertTrue(policy.evaluate(pitch("a@b.example", "See https://www.book.example/me"), context(false)).verdict().isPresent());
    }

    @Test
    void knownSendersAndOrdinaryLinksPass() throws Exception {
        CalendarLinkPolicy policy = policy(Map.of());
        assertTrue(policy.evaluate(pitch("paul@friend.example", "https://calendly.com/paul"), context(true)).verdict().isEmpty());
        assertTrue(policy.evaluate(pitch("a@b.example", "Our site: https://notcalendly.com.example/x and https://example.org"),
                context(false)).verdict().isEmpty());
    }

    @Test
    void canOnlyWeigh() throws Exception {
        PolicyOutcome outcome = policy(Map.of("decide", false, "weight", -1.5))
                .evaluate(pitch("a@b.example", "https://calendly.com/x"), context(false));
        assertTrue(outcome.verdict().isEmpty());
        assertEquals(-1.5, outcome.signals().get(0).weight());
    }

    @Test
    void badSettingsNameTheField() {
        PolicyException e = assertThrows(PolicyException.class, () -> policy(Map.of("hosts", List.of("https://x.example/"))));
        assertTrue(e.getMessage().contains("setting 'hosts'"), e.getMessage());
        PolicyException b = assertThrows(PolicyException.class, () -> policy(Map.of("decide", "perhaps")));
        assertTrue(b.getMessage().contains("setting 'decide'"), b.getMessage());
    }

    private static CalendarLinkPolicy policy(Map<String, Object> settings) throws PolicyException {
        CalendarLinkPolicy policy = new CalendarLinkPolicy();
        policy.init(new PolicyConfig("calendar_link", settings));
        return policy;
    }

    private static Pitch pitch(String email, String body) {
        String domain = email.substring(email.indexOf('@') + 1);
        return new Pitch(1, "email", new Pitch.Address(email, "", domain), Optional.empty(), Optional.of(domain), "",
                body, List.of(), "en", Map.of(), Set.of(), Set.of(), List.of(), Pitch.Fit.NONE);
    }

    private static ScreeningContext context(boolean senderKnown) {
        return new ScreeningContext() {
            @Override
            public SpaceProfile space() {
                return new SpaceProfile("s", "S", List.of("en"), "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
            }

            @Override
            public Instant now() {
                return Instant.EPOCH;
            }

            @Override
            public Optional<KnownContact> contactByEmail(String email) {
                return senderKnown ? Optional.of(new KnownContact("contact", "Paul", email, Optional.empty())) : Optional.empty();
            }

            @Override
            public Optional<KnownContact> personByName(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<StandingDecline> standingDecline(String email, Optional<String> organisation) {
                return Optional.empty();
            }
        };
    }
}
