package com.pitchgate.crm;

import com.pitchgate.store.CrmDao;
import com.pitchgate.store.DecisionDao;
import com.pitchgate.store.DeclineRow;
import com.pitchgate.store.IntroDao;
import com.pitchgate.store.IntroRow;
import com.pitchgate.store.OutboxDao;
import com.pitchgate.store.OutboxRow;
import com.pitchgate.store.OverrideRow;
import com.pitchgate.store.TimelinePitchRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Everything that happened with a contact or an organisation, in order: pitches, decisions, overrides, mail, intros, "no"s. */
public final class Timeline {

    private Timeline() {
    }

    /**
     * One event.
     *
     * @param kind {@code pitch}, {@code decision}, {@code override}, {@code forward}, {@code reply},
     *             {@code intro}, {@code declined}, {@code lifted}
     */
    public record Event(Instant at, String kind, Long pitchId, String detail) {
    }

    /** A contact's timeline: what came from each of its addresses, intros of them, "no"s to them. */
    public static List<Event> ofContact(Handle handle, String spaceId, long contactId) {
        CrmDao crm = handle.attach(CrmDao.class);
        List<String> addresses = crm.addresses(contactId);
        return of(handle, crm.pitchesFrom(spaceId, addresses), handle.attach(IntroDao.class).about(spaceId, addresses, null),
                crm.declinesAbout(spaceId, addresses, null));
    }

    public static List<Event> of(Handle handle, List<TimelinePitchRow> pitches, List<IntroRow> intros, List<DeclineRow> declines) {
        List<Event> events = new ArrayList<>();
        DecisionDao decisions = handle.attach(DecisionDao.class);
        OutboxDao outbox = handle.attach(OutboxDao.class);
        for (TimelinePitchRow pitch : pitches) {
            events.add(new Event(Instant.ofEpochMilli(pitch.receivedAt()), "pitch", pitch.pitchId(),
                    "from " + pitch.senderEmail() + (pitch.subject() == null || pitch.subject().isBlank() ? "" : ": " + pitch.subject())));
            if (pitch.decidedAt() != null) {
                events.add(new Event(Instant.ofEpochMilli(pitch.decidedAt()), "decision", pitch.pitchId(), pitch.queue()));
            }
            for (OverrideRow override : decisions.overrides(pitch.pitchId())) {
                events.add(new Event(Instant.ofEpochMilli(override.createdAt()), "override", pitch.pitchId(),
                        override.fromQueue() + " → " + override.toQueue() + " by " + override.actor()
                                + (override.note() == null ? "" : ": " + override.note())));
            }
            for (OutboxRow message : outbox.forPitch(pitch.pitchId())) {
                Instant at = Instant.ofEpochMilli(message.sentAt() == null ? message.createdAt() : message.sentAt());
                events.add(new Event(at, message.kind(), pitch.pitchId(), message.state() + " to " + message.recipients()));
            }
        }
        for (IntroRow intro : intros) {
            events.add(new Event(Instant.ofEpochMilli(intro.createdAt()), "intro", null, intro.introducerName() + " knows "
                    + (intro.personEmail() != null ? intro.personEmail() : "the team at " + intro.organisation())));
        }
        for (DeclineRow decline : declines) {
            events.add(new Event(Instant.ofEpochMilli(decline.declinedAt()), "declined", decline.pitchId(),
                    decline.scope() + " " + decline.value() + " until " + Instant.ofEpochMilli(decline.expiresAt())));
            if (decline.liftedAt() != null) {
                events.add(new Event(Instant.ofEpochMilli(decline.liftedAt()), "lifted", decline.pitchId(),
                        "the no to " + decline.value() + " was lifted"));
            }
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }
}
