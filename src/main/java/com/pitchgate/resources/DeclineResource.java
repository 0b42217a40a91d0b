package com.pitchgate.resources;

import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.api.DeclineView;
import com.pitchgate.api.NewDecline;
import com.pitchgate.crm.DeclineService;
import com.pitchgate.crm.NetworkImport;
import com.pitchgate.space.Space;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The "no" memory of a space: the "no"s that stand, recorded by hand or lifted. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MANAGER_NAME)
public final class DeclineResource {

    private final DeclineService declines;
    private final Scopes scopes;
    private final Clock clock;
    private final Duration declineMemory;

    public DeclineResource(DeclineService declines, Scopes scopes, Clock clock, Duration declineMemory) {
        this.declines = declines;
        this.scopes = scopes;
        this.clock = clock;
        this.declineMemory = declineMemory;
    }


    @GET
    @Path("/declines")
    public List<DeclineView> declines(@Auth Caller caller, @QueryParam("space") String spaceId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) long offset) {
        Space space = scopes.space(caller, spaceId);
        return declines.standing(space.id(), limit, offset).stream().map(DeclineView::of).toList();
    }

    /** Says "no" to a sender or an organisation, until a date (default: routing.declineMemory from now). */
    @POST
    @Path("/declines")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response decline(@Auth Caller caller, @QueryParam("space") String spaceId,
            @NotNull(message = "the body must be {\"email\": ...} or {\"organisation\": ...}") @Valid NewDecline request) {
        Space space = scopes.space(caller, spaceId);
        Instant now = clock.instant();
        Instant until = request.until() == null ? now.plus(declineMemory) : parseDay(request.until());
        if (!until.isAfter(now)) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "until must be a future date (YYYY-MM-DD)");
        }
        String scope;
        String value;
        if (request.email() != null && request.organisation() == null) {
            scope = "sender";
            value = request.email().strip().toLowerCase(Locale.ROOT);
        } else if (request.organisation() != null && request.email() == null) {
            scope = "organisation";
            value = NetworkImport.domain(request.organisation()).orElseThrow(() -> ApiErrors.error(Response.Status.BAD_REQUEST,
                    "organisation must be a domain such as acme.example, and not a personal mail domain"));
        } else {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "give exactly one of email or organisation");
        }
        declines.decline(space.id(), scope, value, now, until);
        return Response.status(Response.Status.CREATED).entity(Map.of("scope", scope, "value", value, "until", until.toString()))
                .build();
    }

    /** Lifts a "no": the next pitch from them is screened on its merits. */
    @DELETE
    @Path("/declines/{id}")
    public Response lift(@Auth Caller caller, @QueryParam("space") String spaceId, @PathParam("id") long id) {
        Space space = scopes.space(caller, spaceId);
        if (!declines.lift(space.id(), id)) {
            throw ApiErrors.error(Response.Status.NOT_FOUND, "no standing decline " + id);
        }
        return Response.noContent().build();
    }

    private static Instant parseDay(String day) {
        try {
            return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "until must be a date written YYYY-MM-DD, got '" + day + "'");
        }
    }
}
