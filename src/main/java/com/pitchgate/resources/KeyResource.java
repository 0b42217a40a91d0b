package com.pitchgate.resources;

import com.pitchgate.access.ApiKeyStore;
import com.pitchgate.access.ApiKeys;
import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.api.CreatedKey;
import com.pitchgate.api.KeyView;
import com.pitchgate.api.NewKey;
import com.pitchgate.space.Space;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;

/** A space's API keys, for its admins: list them, create one (shown once), revoke one. */
@Path("/api/keys")
@Produces(MediaType.APPLICATION_JSON)
public final class KeyResource {

    private final ApiKeyStore keys;
    private final Scopes scopes;
    private final Clock clock;

    public KeyResource(ApiKeyStore keys, Scopes scopes, Clock clock) {
        this.keys = keys;
        this.scopes = scopes;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    public List<KeyView> list(@Auth Caller caller, @QueryParam("space") String spaceId) {
        Space space = scopes.space(caller, spaceId);
        return keys.forSpace(space.id()).stream().map(KeyView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(@Auth Caller caller, @QueryParam("space") String spaceId,
            @NotNull(message = "the body must be {\"name\": ..., \"role\": ...}") @Valid NewKey request) {
        Space space = scopes.space(caller, spaceId);
        if (request.role().equals(Role.MEMBER_NAME)
                && (request.member() == null || space.profile().member(request.member()).isEmpty())) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "a member key needs 'member': the id of a member of "
                    + space.id());
        }
        String key = ApiKeys.generate();
        long id = keys.add(space.id(), request.name(), request.role(), request.member(), ApiKeys.hash(key), clock.millis());
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedKey(id, space.id(), request.name(), request.role(), request.member(), key)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response revoke(@Auth Caller caller, @QueryParam("space") String spaceId, @PathParam("id") long id) {
        Space space = scopes.space(caller, spaceId);
        if (!keys.revoke(space.id(), id, clock.millis())) {
            throw ApiErrors.error(Response.Status.NOT_FOUND, "no active key " + id + " in space '" + space.id() + "'");
        }
        return Response.noContent().build();
    }
}
