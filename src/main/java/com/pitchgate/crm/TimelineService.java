package com.pitchgate.crm;

import java.util.List;

/** The timelines of contacts and organisations, for the API and the review pages alike. */
public final class TimelineService {

    private final Timelines timelines;
    private final CrmMemory crm;

    public TimelineService(Timelines timelines, CrmMemory crm) {
        this.timelines = timelines;
        this.crm = crm;
    }

    public List<Timeline.Event> ofContact(String spaceId, long contactId) {
        return Timeline.of(timelines.ofContact(spaceId, contactId));
    }

    /** The timeline of the contact who writes from this address; none when nobody the space met does. */
    public List<Timeline.Event> ofSender(String spaceId, String email) {
        return crm.contact(spaceId, email).map(contact -> ofContact(spaceId, contact.id())).orElse(List.of());
    }

    public List<Timeline.Event> ofOrganisation(String spaceId, String domain) {
        return Timeline.of(timelines.ofOrganisation(spaceId, domain));
    }
}
