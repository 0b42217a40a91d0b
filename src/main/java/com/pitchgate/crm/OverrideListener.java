package com.pitchgate.crm;


/** Told of each override that moved a pitch, once it is committed. Must return quickly. */
@FunctionalInterface
public interface OverrideListener {

    OverrideListener NONE = override -> { };

    void overridden(OverrideRow override);
}
