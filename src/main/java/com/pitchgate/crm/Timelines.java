package com.pitchgate.crm;

import java.util.List;
import java.util.Map;

/** What the {@link Timeline} of a contact or of an organisation is made of, read together; the store implements it. */
public interface Timelines {

    /**
     * @param overrides the overrides of each pitch, oldest first
     * @param messages  the mail sent or to send about each pitch
     */
    record Rows(List<TimelinePitchRow> pitches, Map<Long, List<OverrideRow>> overrides,
            Map<Long, List<Mail>> messages, List<IntroRow> intros, List<DeclineRow> declines) {
    }

    /**
     * A message about a pitch, as a timeline shows it.
     *
     * @param kind       {@code forward} or {@code reply}
     * @param recipients JSON list of addresses
     * @param sentAt     null until it is sent
     */
    record Mail(String kind, String state, String recipients, long createdAt, Long sentAt) {
    }

    /** What came from each of the contact's addresses, intros of them, "no"s to them. */
    Rows ofContact(String spaceId, long contactId);

    /** What came from the organisation's domain, intros of it, "no"s to it. */
    Rows ofOrganisation(String spaceId, String domain);
}
