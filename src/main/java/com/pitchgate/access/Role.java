package com.pitchgate.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an API key may do within its space. An admin may do everything; a manager works the queues,
 * overrides and the CRM, and may also submit pitches; a member reads the pitches forwarded to them;
 * an ingest key only submits pitches.
 */
public enum Role {
    ADMIN(Set.of("admin", "manager", "member", "ingest")),
    MANAGER(Set.of("manager", "ingest")),
    MEMBER(Set.of("member")),
    INGEST(Set.of("ingest"));

    public static final String ADMIN_NAME = "admin";
    public static final String MANAGER_NAME = "manager";
    public static final String MEMBER_NAME = "member";
    public static final String INGEST_NAME = "ingest";

    private final Set<String> grants;

    Role(Set<String> grants) {
        this.grants = grants;
    }

    /** Whether this role may do what {@code @RolesAllowed(required)} asks for. */
    public boolean grants(String required) {
        return grants.contains(required);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
