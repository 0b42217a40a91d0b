package com.pitchgate.crm;

/**
 * The {@code intros} row: an introducer (a member, or a known contact) knows a person, or a whole
 * organisation.
 *
 * @param introducerKind {@code member} or {@code contact}
 * @param introducerRef  the member's id, or the contact's id
 * @param organisation   the organisation's domain, when the introducer knows the organisation
 */
public record IntroRow(long id, String spaceId, String introducerKind, String introducerRef, String introducerName,
        String personName, String personEmail, String organisation, String note, String source, long createdAt) {
}
