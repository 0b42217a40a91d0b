package com.pitchgate.web;

import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A signed-in browser: the space it works on, who signed in (the key's name) and with which role,
 * and the CSRF token every form of this session carries.
 */
public record WebSession(String tokenHash, String spaceId, String actor, Role role, String csrf) {

    /** As a caller of the API, for the services that check who may do what. */
    public Caller caller() {
        return new Caller(actor, Optional.of(spaceId), role, Optional.empty());
    }

    /** Constant-time, so that response times say nothing about how much of a guess was right. */
    public boolean csrfMatches(String sent) {
        return sent != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
