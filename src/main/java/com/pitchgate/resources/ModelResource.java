package com.pitchgate.resources;

import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.learn.ModelFacts;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import com.pitchgate.learn.SpaceModels;
import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.spi.Queue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** @param model null until the space has enough examples for a model */
    public record SpaceModelView(String space, ModelView model) {
    }

    public record ModelView(Instant trainedAt, int examples, Map<String, Integer> perQueue, int overridden,
            double heldOutAccuracy, double baselineAccuracy, int folds, String algorithm) {
        static ModelView of(ModelFacts facts) {
            Map<String, Integer> perQueue = new LinkedHashMap<>();
            for (Queue queue : Queue.values()) {
                perQueue.put(queue.id(), facts.examples().in(queue));
            }
            return new ModelView(facts.trainedAt(), facts.examples().total(), perQueue, facts.examples().overridden(),
                    facts.heldOutAccuracy(), facts.baselineAccuracy(), facts.folds(), facts.algorithm().id());
        }
    }
}
