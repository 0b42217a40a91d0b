package com.pitchgate.store;

/** The {@code reasons} row. */
public record ReasonRow(long pitchId, int ordinal, String policy, String signal, double weight, String detail, boolean decisive) {
}
