package com.pitchgate.crm;

import java.util.List;
import java.util.Optional;

/**
 * What the CRM keeps of one screened pitch, as the CRM decided it ({@link CrmRecorder}): the store
 * writes it with the decision, as given.
 *
 * @param contact      the sender, to find or make as a contact
 * @param organisation the sender's organisation, to make or name
 * @param declines     the "no"s the decision gives
 */
public record CrmEntries(Optional<Contact> contact, Optional<Organisation> organisation, List<NewDecline> declines) {

    /** Nothing to keep. */
    public static final CrmEntries NONE = new CrmEntries(Optional.empty(), Optional.empty(), List.of());

    /** A contact who wrote: never made known by writing. */
    public record Contact(String email, String name, String organisation) {
    }

    /** An organisation, by its mail domain; {@code name} is the domain itself until a better one is read. */
    public record Organisation(String domain, String name) {
    }
}
