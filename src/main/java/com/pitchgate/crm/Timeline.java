package com.pitchgate.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /** The events, in order, of what the store holds about a contact or an organisation. */
    public static List<Event> of(Timelines.Rows rows) {
        List<Event> events = new ArrayList<>();
        for (TimelinePitchRow pitch : rows.pitches()) {
            events.add(new Event(Instant.ofEpochMilli(pitch.receivedAt()), "pitch", pitch.pitchId(),
                    "from " + pitch.senderEmail() + (pitch.subject() == null || pitch.subject().isBlank() ? "" : ": " + pitch.subject())));
            if (pitch.decidedAt() != null) {
                events.add(new Event(Instant.ofEpochMilli(pitch.decidedAt()), "decision", pitch.pitchId(), pitch.queue()));
            }
            for (OverrideRow override : rows.overrides().getOrDefault(pitch.pitchId(), List.of())) {
                events.add(new Event(Instant.ofEpochMilli(override.createdAt()), "override", pitch.pitchId(),
                        override.fromQueue() + " → " + override.toQueue() + " by " + override.actor()
                                + (override.note() == null ? "" : ": " + override.note())));
            }
            for (Timelines.Mail message : rows.messages().getOrDefault(pitch.pitchId(), List.of())) {
                Instant at = Instant.ofEpochMilli(message.sentAt() == null ? message.createdAt() : message.sentAt());
                events.add(new Event(at, message.kind(), pitch.pitchId(), message.state() + " to " + message.recipients()));
            }
        }
        for (IntroRow intro : rows.intros()) {
            events.add(new Event(Instant.ofEpochMilli(intro.createdAt()), "intro", null, intro.introducerName() + " knows "
                    + (intro.personEmail() != null ? intro.personEmail() : "the team at " + intro.organisation())));
        }
        for (DeclineRow decline : rows.declines()) {
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
