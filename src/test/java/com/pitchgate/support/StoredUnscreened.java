package com.pitchgate.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceConfig;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.store.PitchStore;
import java.time.Clock;
import java.util.List;

/**
 * Stores raw messages as intake does, without screening them: what a server leaves behind when it
 * dies between answering and deciding, for the tests of recovery.
 */
public final class StoredUnscreened {

    private StoredUnscreened() {
    }

    /** Stores a raw message for the space with this id, unscreened, as the intake of a server that then died. */
    public static PitchStore.StoreReceipt message(PitchStore store, String spaceId, byte[] raw) {
        IntakeService intake = new IntakeService(store, new ObjectMapper(), Clock.systemUTC());
        return intake.store(intake.message(space(spaceId), raw));
    }

    /** A space with this id and nothing else: storing reads only its id. */
    private static Space space(String id) {
        return new Space(new SpaceProfile(id, id, List.of(), "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                new SpaceConfig.Person("Manager", "manager@" + id + ".example", null), List.of(), List.of());
    }
}
