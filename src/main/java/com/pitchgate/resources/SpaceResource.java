package com.pitchgate.resources;

import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.space.Space;
import com.pitchgate.spi.SpaceProfile;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The space profiles pitches are screened against, as configured; each key sees its own space. */
@Path("/api/spaces")
@Produces(MediaType.APPLICATION_JSON)
public final class SpaceResource {

    private final Scopes scopes;

    public SpaceResource(Scopes scopes) {
        this.scopes = scopes;
    }

    @GET
    @RolesAllowed(Role.MANAGER_NAME)
    public List<SpaceProfile> list(@Auth Caller caller) {
        return scopes.directory().all().stream().filter(space -> caller.canSee(space.id())).map(Space::profile).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.MANAGER_NAME)
    public SpaceProfile get(@Auth Caller caller, @PathParam("id") String id) {
        return scopes.space(caller, id).profile();
    }

    /** A member's own profile; managers may read every member's. */
    @GET
    @Path("/{id}/members/{member}")
    @RolesAllowed({Role.MANAGER_NAME, Role.MEMBER_NAME})
    public SpaceProfile.MemberProfile member(@Auth Caller caller, @PathParam("id") String id,
            @PathParam("member") String memberId) {
        Space space = scopes.space(caller, id);
        if (caller.role() == Role.MEMBER && !caller.memberId().map(memberId::equals).orElse(false)) {
            throw ApiErrors.error(Response.Status.FORBIDDEN, "a member key reads its own member profile only");
        }
        return space.profile().member(memberId).orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND,
                "no member '" + memberId + "' in space '" + space.id() + "'"));
    }
}
