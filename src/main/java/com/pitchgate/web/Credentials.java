package com.pitchgate.web;

import com.pitchgate.access.ApiKeyAuthenticator;
import com.pitchgate.access.ApiKeyStore;
import com.pitchgate.access.AuthConfig;
import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import java.util.Optional;

/**
 * Who may sign in to the review pages: the holder of a manager or admin key of the space they name
 * (the same keys as the API's, checked the same way). With {@code auth.enabled: false}, for local
 * development, anyone may sign in to any space, without a key.
 */
public final class Credentials {

    private final boolean enabled;
    private final ApiKeyAuthenticator keys;

    public Credentials(AuthConfig auth, ApiKeyStore stored) {
        this.enabled = auth.enabled;
        this.keys = new ApiKeyAuthenticator(auth, stored);
    }

    public boolean required() {
        return enabled;
    }

    /** The signed-in caller; empty for a wrong key, another space's key, or a role that does not review. */
    public Optional<Caller> check(String spaceId, String key) {
        if (!enabled) {
            return Optional.of(new Caller("local (auth disabled)", Optional.of(spaceId), Role.ADMIN, Optional.empty()));
        }
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return keys.authenticate(key).filter(caller -> caller.space().map(spaceId::equals).orElse(false))
                .filter(caller -> caller.role().grants(Role.MANAGER_NAME));
    }
}
