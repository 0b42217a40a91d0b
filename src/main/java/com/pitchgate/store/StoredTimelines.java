package com.pitchgate.store;

import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.IntroRow;
import com.pitchgate.crm.OverrideRow;
import com.pitchgate.crm.TimelinePitchRow;
import com.pitchgate.crm.Timelines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** What the timeline of a contact or of an organisation is made of, read together. */
public final class StoredTimelines implements Timelines {

    private final Jdbi jdbi;

    public StoredTimelines(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Rows ofContact(String spaceId, long contactId) {
        return jdbi.inTransaction(handle -> {
            CrmDao crm = handle.attach(CrmDao.class);
            List<String> addresses = crm.addresses(contactId);
            return rows(handle, crm.pitchesFrom(spaceId, addresses),
                    handle.attach(IntroDao.class).about(spaceId, addresses, null), crm.declinesAbout(spaceId, addresses, null));
        });
    }

    @Override
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
        Map<Long, List<Mail>> messages = new LinkedHashMap<>();
        for (TimelinePitchRow pitch : pitches) {
            overrides.put(pitch.pitchId(), decisions.overrides(pitch.pitchId()));
            messages.put(pitch.pitchId(), outbox.forPitch(pitch.pitchId()).stream()
                    .map(row -> new Mail(row.kind(), row.state(), row.recipients(), row.createdAt(), row.sentAt())).toList());
        }
        return new Rows(pitches, overrides, messages, intros, declines);
    }
}
