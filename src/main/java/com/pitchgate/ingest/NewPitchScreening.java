package com.pitchgate.ingest;

import com.pitchgate.store.PitchStore.StoreReceipt;
import com.pitchgate.store.StoredPitch;

/**
 * What a screening intake hands each new pitch to: it screens the pitch, not yet stored, then stores
 * it with its decision; or raw and undecided, for recovery, when screening failed. It returns only once
 * the pitch is on disk, or throws, and then nothing of it was acknowledged.
 */
@FunctionalInterface
public interface NewPitchScreening {

    /** {@code pitch} carries the id it is to be stored under; the receipt, the id it was (a resend racing it keeps its own). */
    StoreReceipt screenAndStore(StoredPitch pitch);
}
