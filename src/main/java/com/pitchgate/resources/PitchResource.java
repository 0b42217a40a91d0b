package com.pitchgate.resources;

import com.codahale.metrics.annotation.Timed;
import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.api.OverrideRequest;
import com.pitchgate.api.PitchViews;
import com.pitchgate.crm.OverrideService;
import com.pitchgate.extract.FormSubmission;
import com.pitchgate.ingest.IntakePort;
import com.pitchgate.space.Space;
import com.pitchgate.spi.Queue;
import com.pitchgate.store.JsonColumns;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.PitchStore.PitchAnswer;
import com.pitchgate.store.PitchStore.PitchRecord;
import com.pitchgate.store.PitchStore.StoreReceipt;
import com.pitchgate.store.ScreenedPitch;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pitches in, decisions out: submit a web-form pitch or a raw e-mail, read a pitch, list a queue,
 * correct a decision. Every pitch is committed raw before this answers; it is then screened at once.
 * Each key sees its own space only; a member key sees only the pitches forwarded to that member.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public final class PitchResource {

    public static final String RFC822 = "message/rfc822";

    private final IntakePort intake;
    private final PitchStore store;
    private final Scopes scopes;
    private final OverrideService overrides;

    public PitchResource(IntakePort intake, PitchStore store, Scopes scopes, OverrideService overrides) {
        this.intake = intake;
        this.store = store;
        this.scopes = scopes;
        this.overrides = overrides;
    }

    @POST
    @Path("/pitches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INGEST_NAME)
    @Timed
    public Response submitForm(@Auth Caller caller, @QueryParam("space") String spaceId,
            @NotNull(message = "the body must be a JSON pitch") @Valid FormSubmission form) {
        Space space = scopes.space(caller, spaceId);
        return screened(intake.receive(intake.form(space, form)));
    }

    @POST
    @Path("/messages")
    @Consumes(RFC822)
    @RolesAllowed(Role.INGEST_NAME)
    @Timed
    public Response submitMessage(@Auth Caller caller, @QueryParam("space") String spaceId, InputStream body)
            throws IOException {
        Space space = scopes.space(caller, spaceId);
        byte[] raw = body == null ? new byte[0] : body.readAllBytes();
        return screened(intake.receive(intake.message(space, raw)));
    }

    @GET
    @Path("/pitches/{id}")
    @RolesAllowed({Role.MANAGER_NAME, Role.MEMBER_NAME})
    public PitchViews.PitchView pitch(@Auth Caller caller, @PathParam("id") long id) {
        return PitchViews.pitch(visibleRecord(caller, id));
    }

    @GET
    @Path("/queues/{queue}")
    @RolesAllowed({Role.MANAGER_NAME, Role.MEMBER_NAME})
    public PitchViews.QueuePageView queue(@Auth Caller caller, @PathParam("queue") String queueName,
            @QueryParam("space") String spaceId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) long offset,
            @Context UriInfo uri) {
        Queue queue = queue(queueName);
        Space space = scopes.space(caller, spaceId);
        Optional<String> member = memberOnly(caller);
        if (member.isPresent() && queue != Queue.FORWARD) {
            throw ApiErrors.error(Response.Status.FORBIDDEN, "a member key reads the forward queue only");
        }
        PitchStore.QueuePage page = store.queue(space.id(), queue.id(), member, limit, offset);
        String next = offset + limit < page.total()
                ? uri.getRequestUriBuilder().replaceQueryParam("offset", offset + limit).build().toString()
                : null;
        return new PitchViews.QueuePageView(queue.id(), space.id(), page.total(), limit, offset,
                page.rows().stream().map(PitchViews.QueueItemView::of).toList(), next);
    }

    @POST
    @Path("/pitches/{id}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MANAGER_NAME)
    public PitchViews.PitchView override(@Auth Caller caller, @PathParam("id") long id,
            @NotNull(message = "the body must be {\"queue\": ..., \"note\": ...}") @Valid OverrideRequest request) {
        Queue queue = queue(request.queue());
        visibleRecord(caller, id);
        Optional<java.time.Instant> declineUntil = Optional.ofNullable(request.declineUntil()).map(PitchResource::day);
        if (declineUntil.isPresent() && queue != Queue.AUTO_DECLINE) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "declineUntil goes with a move to auto_decline only");
        }
        overrides.override(id, queue, caller.getName(), request.note(), declineUntil).orElseThrow(() -> ApiErrors.error(
                Response.Status.CONFLICT, "pitch " + id + " has no decision yet; try again once it is screened"));
        return PitchViews.pitch(visibleRecord(caller, id));
    }

    private static java.time.Instant day(String day) {
        try {
            return java.time.LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "declineUntil must be a date written YYYY-MM-DD, got '" + day + "'");
        }
    }

    static Queue queue(String name) {
        return Queue.fromId(name).orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND,
                "unknown queue '" + name + "': queues are " + Arrays.stream(Queue.values()).map(Queue::id)
                        .collect(Collectors.joining(", "))));
    }

    private Response screened(IntakePort.Received received) {
        StoreReceipt receipt = received.receipt();
        Optional<ScreenedPitch> screened = received.screened();
        if (screened.isPresent() && !receipt.duplicate()) {
            // Answered from what was just stored: reading it back would cost a transaction.
            return Response.status(Response.Status.CREATED).location(URI.create("/api/pitches/" + receipt.id()))
                    .entity(PitchViews.decision(screened.get())).build();
        }
        PitchAnswer answer = store.answer(receipt.id()).orElseThrow();
        PitchViews.DecisionView view = PitchViews.decision(answer, receipt.duplicate());
        Response.Status status = answer.decision().isEmpty() ? Response.Status.ACCEPTED
                : receipt.duplicate() ? Response.Status.OK : Response.Status.CREATED;
        return Response.status(status).location(URI.create("/api/pitches/" + receipt.id())).entity(view).build();
    }

    /** The pitch, if this caller may see it; 404 otherwise, so that other spaces' ids reveal nothing. */
    private PitchRecord visibleRecord(Caller caller, long id) {
        Optional<PitchRecord> record = store.record(id).filter(r -> caller.canSee(r.stored().spaceId()));
        Optional<String> member = memberOnly(caller);
        if (member.isPresent()) {
            record = record.filter(r -> r.decision().map(d -> d.queue().equals(Queue.FORWARD.id())
                    && JsonColumns.read(d.targets(), new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { })
                            .contains(member.get())).orElse(false));
        }
        return record.orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND, "no pitch with id " + id));
    }

    /** For a member key: the member whose pitches it may read. */
    private static Optional<String> memberOnly(Caller caller) {
        if (caller.role() != Role.MEMBER) {
            return Optional.empty();
        }
        return Optional.of(caller.memberId().orElseThrow(() -> ApiErrors.error(Response.Status.FORBIDDEN,
                "this member key names no member")));
    }
}
