package com.pitchgate.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.analyze.Organisations;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the CRM keeps of a screened pitch: its sender, their organisation, and the decision's "no"s. */
class CrmRecorderTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Decision FORWARDED = new Decision(Queue.FORWARD, List.of("manager"), 5, Pitch.Fit.NONE,
            List.of(new Reason("router", "score", 5, "score 5", true)));
    private static final Decision DECLINED = new Decision(Queue.AUTO_DECLINE, List.of(), -5, Pitch.Fit.NONE,
            List.of(new Reason("router", "score", -5, "score -5", true)));

    private final CrmRecorder recorder = new CrmRecorder(new DeclineMemory(Duration.ofDays(180), true));

    @Test
    void theSenderBecomesAContactWhoWroteAndTheCompanyNamesTheirOrganisation() {
        CrmEntries entries = recorder.entriesFor(pitch("ann@acme.example", "Ann Smith"), Optional.of("Acme Inc."), FORWARDED, NOW);

        assertThat(entries.contact()).contains(new CrmEntries.Contact("ann@acme.example", "Ann Smith", "acme.example"));
        assertThat(entries.organisation()).contains(new CrmEntries.Organisation("acme.example", "Acme Inc."));
        assertThat(entries.declines()).isEmpty();
    }

    @Test
    void anOrganisationWithoutACompanyNameIsNamedAfterItsDomain() {
        CrmEntries entries = recorder.entriesFor(pitch("ann@acme.example", ""), Optional.empty(), FORWARDED, NOW);

        assertThat(entries.organisation()).contains(new CrmEntries.Organisation("acme.example", "acme.example"));
    }

    @Test
    void aPersonalMailDomainGivesAContactButNoOrganisation() {
        CrmEntries entries = recorder.entriesFor(pitch("ann@gmail.com", "Ann"), Optional.of("Freelance"), FORWARDED, NOW);

        assertThat(entries.contact()).map(CrmEntries.Contact::email).contains("ann@gmail.com");
        assertThat(entries.organisation()).isEmpty();
    }

    @Test
    void aPitchWithoutASenderAddressMakesNoContact() {
        CrmEntries entries = recorder.entriesFor(pitch("", ""), Optional.empty(), DECLINED, NOW);

        assertThat(entries.contact()).isEmpty();
        assertThat(entries.declines()).as("no \"no\" to nobody").isEmpty();
    }

    @Test
    void aDeclineKeepsTheNosDeclineMemoryGives() {
        Pitch pitch = pitch("ann@acme.example", "Ann");
        CrmEntries entries = recorder.entriesFor(pitch, Optional.empty(), DECLINED, NOW);

        assertThat(entries.declines()).extracting(NewDecline::scope).containsExactly("sender", "organisation");
        assertThat(entries.declines()).isEqualTo(new DeclineMemory(Duration.ofDays(180), true).declinesFor(pitch, DECLINED, NOW));
    }

    private static Pitch pitch(String email, String name) {
        String domain = email.isEmpty() ? "" : email.substring(email.indexOf('@') + 1);
        return new Pitch(1, "email", new Pitch.Address(email, name, domain), Optional.empty(), Organisations.ofDomain(domain),
                "Offer", "We sell things.", List.of(), "en", Map.of(), Set.of(), Set.of(), List.of(), Pitch.Fit.NONE);
    }
}
