package com.pitchgate.api;

/** A created key: {@code key} is shown this once and never again. */
public record CreatedKey(long id, String space, String name, String role, String member, String key) {
}
