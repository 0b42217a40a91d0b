package com.pitchgate.store;

/** A stored pitch's id and processing state. */
public record PitchRef(long id, String state) {
    public boolean decided() {
        return "decided".equals(state);
    }
}
