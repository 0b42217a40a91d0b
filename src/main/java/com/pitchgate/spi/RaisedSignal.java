package com.pitchgate.spi;

/** A signal raised by a policy earlier in the chain, with that policy's name. */
public record RaisedSignal(String policy, Signal signal) {
}
