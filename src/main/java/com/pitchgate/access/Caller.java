package com.pitchgate.access;

import java.security.Principal;
import java.util.Optional;

/**
 * Who is calling the API: the space their key belongs to, its role and, for a member, which member.
 * With authentication off, the caller is unrestricted: an admin of every space.
 *
 * @param space empty only for the unrestricted caller
 */
public record Caller(String name, Optional<String> space, Role role, Optional<String> memberId) implements Principal {

    public static final Caller UNRESTRICTED = new Caller("anonymous (auth disabled)", Optional.empty(), Role.ADMIN, Optional.empty());

    @Override
    public String getName() {
        return name;
    }

    public boolean canSee(String spaceId) {
        return space.isEmpty() || space.get().equals(spaceId);
    }
}
