package com.pitchgate.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.analyze.Organisations;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which "no"s a decline records: the sender's and their organisation's, never from bulk or list mail. */
class DeclineMemoryTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Decision DECLINED = new Decision(Queue.AUTO_DECLINE, List.of(), -5, Pitch.Fit.NONE,
            List.of(new Reason("router", "score", -5, "score -5", true)));

    private final DeclineMemory memory = new DeclineMemory(Duration.ofDays(180), true);

    @Test
    void aDeclinedPitchDeclinesItsSenderAndTheirOrganisation() {
        List<NewDecline> declines = memory.declinesFor(pitch("ann@acme.example", Map.of(), MessageKind.OFFER), DECLINED, NOW);

        assertThat(declines).extracting(NewDecline::scope, NewDecline::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sender", "ann@acme.example"),
                        org.assertj.core.groups.Tuple.tuple("organisation", "acme.example"));
        assertThat(declines).allMatch(no -> no.expiresAt().equals(NOW.plus(Duration.ofDays(180))));
    }

    @Test
    void aPersonalMailDomainIsNobodysOrganisation() {
        assertThat(memory.declinesFor(pitch("ann@gmail.com", Map.of(), MessageKind.OFFER), DECLINED, NOW))
                .extracting(NewDecline::scope).containsExactly("sender");
    }

    @Test
    void bulkAndListMailRecordNoNo() {
        assertThat(memory.declinesFor(pitch("news@acme.example", Map.of(), MessageKind.BULK), DECLINED, NOW)).isEmpty();
        assertThat(memory.declinesFor(pitch("news@acme.example",
                Map.of("list-unsubscribe", List.of("<mailto:leave@acme.example>")), MessageKind.OFFER), DECLINED, NOW)).isEmpty();
        assertThat(memory.declinesFor(pitch("digest@lists.example", Map.of("list-id", List.of("<talk.lists.example>")),
                MessageKind.OFFER), DECLINED, NOW)).isEmpty();
        assertThat(memory.declinesFor(pitch("news@acme.example", Map.of("precedence", List.of("bulk")), MessageKind.OFFER),
                DECLINED, NOW)).isEmpty();
    }

    @Test
    void aPitchOnlyLeaningToMassMailIsDeclinedOnItsMerits() {
        Pitch leaning = pitch("ann@acme.example", Map.of(), MessageKind.BULK, 0.35);

        assertThat(memory.declinesFor(leaning, DECLINED, NOW)).extracting(NewDecline::scope)
                .containsExactly("sender", "organisation");
    }

    @Test
    void onlyADeclineRecordsANo() {
        Decision forwarded = new Decision(Queue.FORWARD, List.of("manager"), 5, Pitch.Fit.NONE, List.of());
        assertThat(memory.declinesFor(pitch("ann@acme.example", Map.of(), MessageKind.OFFER), forwarded, NOW)).isEmpty();
    }

    private static Pitch pitch(String email, Map<String, List<String>> headers, String kind) {
        return pitch(email, headers, kind, 0.9);
    }

    private static Pitch pitch(String email, Map<String, List<String>> headers, String kind, double probability) {
        String domain = email.substring(email.indexOf('@') + 1);
        return new Pitch(1, "email", new Pitch.Address(email, "", domain), Optional.empty(), Organisations.ofDomain(domain),
                "Offer", "We sell things.", List.of(), "en", headers, Set.of(), Set.of(), List.of(), Pitch.Fit.NONE,
                new MessageKind(kind, Map.of(kind, probability)));
    }
}
