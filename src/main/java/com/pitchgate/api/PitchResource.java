package com.pitchgate.api;

import com.codahale.metrics.annotation.Timed;
import com.pitchgate.crm.OverrideService;
import com.pitchgate.ingest.FormSubmission;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.screen.PitchProcessor;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.spi.Queue;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.PitchStore.PitchRecord;
import com.pitchgate.store.PitchStore.StoreReceipt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Pitches in, decisions out: submit a web-form pitch or a raw e-mail, read a pitch, list a queue.
 * Every pitch is committed raw before this answers; it is then screened at once.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public final class PitchResource {

    public static final String RFC822 = "message/rfc822";

    private final IntakeService intake;
    private final PitchProcessor processor;
    private final PitchStore store;
    private final SpaceDirectory spaces;
    private final OverrideService overrides;

    public PitchResource(IntakeService intake, PitchProcessor processor, PitchStore store, SpaceDirectory spaces,
            OverrideService overrides) {
        this.intake = intake;
        this.processor = processor;
        this.store = store;
        this.spaces = spaces;
        this.overrides = overrides;
    }

    @POST
    @Path("/pitches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    public Response submitForm(@QueryParam("space") String spaceId,
            @NotNull(message = "the body must be a JSON pitch") @Valid FormSubmission form) {
        Space space = space(spaceId);
        return screened(intake.acceptForm(space.id(), form));
    }

    @POST
    @Path("/messages")
    @Consumes(RFC822)
    @Timed
    public Response submitMessage(@QueryParam("space") String spaceId, InputStream body) throws IOException {
        Space space = space(spaceId);
        byte[] raw = body == null ? new byte[0] : body.readAllBytes();
        return screened(intake.acceptMessage(space.id(), raw));
    }

    @GET
    @Path("/pitches/{id}")
    public PitchViews.PitchView pitch(@PathParam("id") long id) {
        return PitchViews.pitch(record(id));
    }

    @GET
    @Path("/queues/{queue}")
    public PitchViews.QueuePageView queue(@PathParam("queue") String queueName, @QueryParam("space") String spaceId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) long offset,
            @Context UriInfo uri) {
        Queue queue = queue(queueName);
        Space space = space(spaceId);
        PitchStore.QueuePage page = store.queue(space.id(), queue.id(), limit, offset);
        String next = offset + limit < page.total()
                ? uri.getRequestUriBuilder().replaceQueryParam("offset", offset + limit).build().toString()
                : null;
        return new PitchViews.QueuePageView(queue.id(), space.id(), page.total(), limit, offset,
                page.rows().stream().map(PitchViews.QueueItemView::of).toList(), next);
    }

    @POST
    @Path("/pitches/{id}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    public PitchViews.PitchView override(@PathParam("id") long id,
            @NotNull(message = "the body must be {\"queue\": ..., \"note\": ...}") @Valid OverrideRequest request) {
        Queue queue = queue(request.queue());
        record(id);
        overrides.override(id, queue, request.actorOr("api"), request.note()).orElseThrow(() -> ApiErrors.error(
                Response.Status.CONFLICT, "pitch " + id + " has no decision yet; try again once it is screened"));
        return PitchViews.pitch(record(id));
    }

    /**
     * A person's correction.
     *
     * @param queue the queue the pitch should be in
     * @param note  why, for the record
     * @param actor who; recorded as given
     */
    public record OverrideRequest(@NotNull(message = "queue is required") String queue,
            @jakarta.validation.constraints.Size(max = 2000) String note,
            @jakarta.validation.constraints.Size(max = 200) String actor) {
        String actorOr(String fallback) {
            return actor == null || actor.isBlank() ? fallback : actor;
        }
    }

    private static Queue queue(String name) {
        return Queue.fromId(name).orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND,
                "unknown queue '" + name + "': queues are " + Arrays.stream(Queue.values()).map(Queue::id)
                        .collect(Collectors.joining(", "))));
    }

    private Response screened(StoreReceipt receipt) {
        if (!receipt.duplicate() || !"decided".equals(receipt.state())) {
            processor.process(receipt.id());
        }
        PitchRecord record = record(receipt.id());
        PitchViews.DecisionView view = PitchViews.decision(record, receipt.duplicate());
        Response.Status status = record.decision().isEmpty() ? Response.Status.ACCEPTED
                : receipt.duplicate() ? Response.Status.OK : Response.Status.CREATED;
        return Response.status(status).location(URI.create("/api/pitches/" + receipt.id())).entity(view).build();
    }

    private PitchRecord record(long id) {
        return store.record(id).orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND, "no pitch with id " + id));
    }

    private Space space(String spaceId) {
        if (spaceId == null || spaceId.isBlank()) {
            return spaces.defaultSpace();
        }
        return spaces.find(spaceId).orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND,
                "unknown space '" + spaceId + "'"));
    }
}
