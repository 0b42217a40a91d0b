package com.pitchgate.crm;

import com.pitchgate.route.Decision;
import com.pitchgate.spi.Pitch;
import java.time.Instant;
import java.util.Optional;

/**
 * What the CRM keeps of a screened pitch: its sender as a contact (one who wrote, not one the space
 * knows), the sender's organisation, and the "no"s the decision gives ({@link DeclineMemory}).
 */
public final class CrmRecorder {

    private final DeclineMemory declines;

    public CrmRecorder(DeclineMemory declines) {
        this.declines = declines;
    }

    /** @param company the company the pitch names, which names its organisation better than its domain */
    public CrmEntries entriesFor(Pitch pitch, Optional<String> company, Decision decision, Instant now) {
        // Without an address there is nobody to remember: all such pitches would be one contact "".
        Optional<CrmEntries.Contact> contact = pitch.sender().hasEmail()
                ? Optional.of(new CrmEntries.Contact(pitch.sender().email(), pitch.sender().name(),
                        pitch.organisation().orElse(null)))
                : Optional.empty();
        Optional<CrmEntries.Organisation> organisation = pitch.organisation()
                .map(domain -> new CrmEntries.Organisation(domain, company.orElse(domain)));
        return new CrmEntries(contact, organisation, declines.declinesFor(pitch, decision, now));
    }
}
