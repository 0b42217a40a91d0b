package com.pitchgate.resources;

import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.api.ModelView;
import com.pitchgate.api.SpaceModelView;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import com.pitchgate.learn.SpaceModels;
import com.pitchgate.space.SpaceDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The learned model each space uses, if any: when and from what it was trained, and how well it did. */
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
public final class ModelResource {

    private final SpaceDirectory spaces;
    private final SpaceModels models;

    public ModelResource(SpaceDirectory spaces, SpaceModels models) {
        this.spaces = spaces;
        this.models = models;
    }

    @GET
    @RolesAllowed(Role.MANAGER_NAME)
    public List<SpaceModelView> list(@Auth Caller caller) {
        return spaces.all().stream().filter(space -> caller.canSee(space.id()))
                .map(space -> new SpaceModelView(space.id(), models.current(space.id()).map(m -> ModelView.of(m.facts())).orElse(null)))
                .toList();
    }
}
