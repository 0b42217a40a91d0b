package com.pitchgate.ingest;

/** A submission that cannot be accepted as a pitch; the message says what is wrong with it. */
public class InvalidPitchException extends RuntimeException {
    public InvalidPitchException(String message) {
        super(message);
    }
}
