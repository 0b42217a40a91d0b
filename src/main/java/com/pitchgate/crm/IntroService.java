package com.pitchgate.crm;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Who knows whom, for the API and the review pages alike: intros listed, typed in, imported, removed. */
public final class IntroService {

    /**
     * Who vouches.
     *
     * @param kind {@code member} or {@code contact}
     * @param ref  the member's id, or the contact's
     */
    public record Introducer(String kind, String ref, String name) {
    }

    private final Intros intros;
    private final Clock clock;

    public IntroService(Intros intros, Clock clock) {
        this.intros = intros;
        this.clock = clock;
    }

    /** A page of the space's intros, newest first. */
    public List<IntroRow> list(String spaceId, int limit, long offset) {
        return intros.list(spaceId, limit, offset);
    }

    /** Records that the introducer knows a person (by address) or an organisation (by domain); returns it as stored. */
    public IntroRow add(String spaceId, Introducer introducer, String personName, Optional<String> email,
            Optional<String> organisation, String note, String source) {
        return intros.add(new IntroRow(0, spaceId, introducer.kind(), introducer.ref(), introducer.name(), personName,
                email.orElse(null), organisation.orElse(null), note, source, clock.millis()));
    }

    /** Records an introducer's network, all of it or none. */
    public void addNetwork(String spaceId, Introducer introducer, List<NetworkImport.Person> people, String source) {
        long now = clock.millis();
        intros.addAll(people.stream().map(person -> new IntroRow(0, spaceId, introducer.kind(), introducer.ref(),
                introducer.name(), person.name(), person.email().orElse(null), person.organisation().orElse(null), null,
                source, now)).toList());
    }

    /** False when the space has no such intro. */
    public boolean remove(String spaceId, long id) {
        return intros.remove(spaceId, id);
    }
}
