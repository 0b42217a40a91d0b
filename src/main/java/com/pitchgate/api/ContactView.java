package com.pitchgate.api;

import com.pitchgate.crm.ContactRow;
import com.pitchgate.store.StoredCrm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A contact with every address it wrote from. */
public record ContactView(long id, String name, String email, List<String> addresses, String organisation, boolean known,
        Instant firstSeen, Instant lastSeen) {
    public static ContactView of(StoredCrm.Contact contact) {
        ContactRow row = contact.row();
        return new ContactView(row.id(), row.name(), row.email(), new ArrayList<>(contact.addresses()), row.organisation(), row.known(),
                Instant.ofEpochMilli(row.firstSeen()), Instant.ofEpochMilli(row.lastSeen()));
    }
}
