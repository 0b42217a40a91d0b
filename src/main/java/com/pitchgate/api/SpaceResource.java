package com.pitchgate.api;

import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.spi.SpaceProfile;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The space profiles pitches are screened against, as configured. */
@Path("/api/spaces")
@Produces(MediaType.APPLICATION_JSON)
public final class SpaceResource {

    private final SpaceDirectory spaces;

    public SpaceResource(SpaceDirectory spaces) {
        this.spaces = spaces;
    }

    @GET
    public List<SpaceProfile> list() {
        return spaces.all().stream().map(space -> space.profile()).toList();
    }

    @GET
    @Path("/{id}")
    public SpaceProfile get(@PathParam("id") String id) {
        return spaces.find(id).map(space -> space.profile())
                .orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND, "unknown space '" + id + "'"));
    }
}
