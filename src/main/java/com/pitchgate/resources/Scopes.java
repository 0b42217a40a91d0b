package com.pitchgate.resources;

import com.pitchgate.access.Caller;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import jakarta.ws.rs.core.Response;

/** Which space a request is about: the caller's own, never another's. */
public final class Scopes {

    private final SpaceDirectory spaces;

    public Scopes(SpaceDirectory spaces) {
        this.spaces = spaces;
    }

    /** The space asked for ({@code ?space=}), or the caller's; 403 for a space the key does not belong to. */
    public Space space(Caller caller, String requested) {
        if (requested == null || requested.isBlank()) {
            return caller.space().flatMap(spaces::find).orElseGet(spaces::defaultSpace);
        }
        Space space = spaces.find(requested).orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND,
                "unknown space '" + requested + "'"));
        if (!caller.canSee(space.id())) {
            throw ApiErrors.error(Response.Status.FORBIDDEN, "this API key belongs to space '" + caller.space().orElse("")
                    + "', not '" + requested + "'");
        }
        return space;
    }

    public SpaceDirectory directory() {
        return spaces;
    }
}
