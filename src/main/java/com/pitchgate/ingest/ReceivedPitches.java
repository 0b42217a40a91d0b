package com.pitchgate.ingest;

import com.pitchgate.store.PitchStore.StoreReceipt;
import com.pitchgate.store.ScreenedPitch;
import java.util.Optional;

/**
 * Where intake hands what it has just stored, to be screened. The intake owns this and the
 * screening stage implements it, so that intake does not depend on the screening stage (which
 * reads the intake's channels and budget).
 */
@FunctionalInterface
public interface ReceivedPitches {

    /**
     * Screens a pitch an intake has just stored, from its envelope (its space and parsed headers are
     * not looked up or parsed again). Returns what was decided and stored; empty when the pitch was
     * decided before, is held by another processor, or failed this attempt.
     */
    Optional<ScreenedPitch> processReceived(StoreReceipt receipt, Envelope envelope);
}
