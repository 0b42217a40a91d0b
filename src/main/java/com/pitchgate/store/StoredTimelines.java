package com.pitchgate.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** What the timeline of a contact or of an organisation is made of, read together. */
public final class StoredTimelines {

    /**
     * @param overrides the overrides of each pitch, oldest first
     * @param messages  the outbox messages of each pitch
     */
    public record Rows(List<TimelinePitchRow> pitches, Map<Long, List<OverrideRow>> overrides,
            Map<Long, List<OutboxRow>> messages, List<IntroRow> intros, List<DeclineRow> declines) {
    }

    private final Jdbi jdbi;

    public StoredTimelines(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What came from each of the contact's addresses, intros of them, "no"s to them. */
    public Rows ofContact(String spaceId, long contactId) {
        return jdbi.inTransaction(handle -> {
            CrmDao crm = handle.attach(CrmDao.class);
            List<String> addresses = crm.addresses(contactId);
            return rows(handle, crm.pitchesFrom(spaceId, addresses),
                    handle.attach(IntroDao.class).about(spaceId, addresses, null), crm.declinesAbout(spaceId, addresses, null));
        });
    }

    /** What came from the organisation's domain, intros of it, "no"s to it. */
    public Rows ofOrganisation(String spaceId, String domain) {
        return jdbi.inTransaction(handle -> {
            CrmDao crm = handle.attach(CrmDao.class);
            return rows(handle, crm.pitchesOfOrganisation(spaceId, domain),
                    handle.attach(IntroDao.class).about(spaceId, List.of(""), domain),
                    crm.declinesAbout(spaceId, List.of(""), domain));
        });
    }

    private static Rows rows(Handle handle, List<TimelinePitchRow> pitches, List<IntroRow> intros, List<DeclineRow> declines) {
        DecisionDao decisions = handle.attach(DecisionDao.class);
        OutboxDao outbox = handle.attach(OutboxDao.class);
        Map<Long, List<OverrideRow>> overrides = new LinkedHashMap<>();
        Map<Long, List<OutboxRow>> messages = new LinkedHashMap<>();
        for (TimelinePitchRow pitch : pitches) {
            overrides.put(pitch.pitchId(), decisions.overrides(pitch.pitchId()));
            messages.put(pitch.pitchId(), outbox.forPitch(pitch.pitchId()));
        }
        return new Rows(pitches, overrides, messages, intros, declines);
    }
}
