package com.pitchgate.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The "no" memory as people see and change it, for the API and the review pages alike: the "no"s that
 * stand now, one recorded by hand, one lifted. (The "no"s screening gives are {@link DeclineMemory}'s.)
 */
public final class DeclineService {

    private final Declines declines;
    private final CrmMemory memory;
    private final Clock clock;

    public DeclineService(Declines declines, CrmMemory memory, Clock clock) {
        this.declines = declines;
        this.memory = memory;
        this.clock = clock;
    }

    /** A page of the space's "no"s that stand now. */
    public List<DeclineRow> standing(String spaceId, int limit, long offset) {
        return declines.standingDeclines(spaceId, clock.millis(), limit, offset);
    }

    /** The "no" that stands now against this sender or their organisation, if any. */
    public Optional<DeclineRow> standingAgainst(String spaceId, String email, String organisation) {
        return memory.standingDecline(spaceId, email, organisation, clock.millis());
    }

    /**
     * Says "no" by hand, from {@code now} to {@code until}.
     *
     * @param scope {@code sender} or {@code organisation}
     */
    public void decline(String spaceId, String scope, String value, Instant now, Instant until) {
        declines.decline(spaceId, scope, value, now.toEpochMilli(), until.toEpochMilli());
    }

    /** Lifts a standing "no" of the space; false when it has none with this id. */
    public boolean lift(String spaceId, long id) {
        return declines.liftDecline(spaceId, id, clock.millis());
    }
}
