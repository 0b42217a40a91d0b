package com.pitchgate.resources;

import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.api.ContactView;
import com.pitchgate.api.NewAddress;
import com.pitchgate.api.OrganisationView;
import com.pitchgate.crm.Timeline;
import com.pitchgate.crm.TimelineService;
import com.pitchgate.space.Space;
import com.pitchgate.store.OrganisationRow;
import com.pitchgate.store.StoredCrm;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** The contacts of a space (with every address seen) and its organisations, with their timelines. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MANAGER_NAME)
public final class ContactResource {

    private final StoredCrm crm;
    private final TimelineService timelines;
    private final Scopes scopes;

    public ContactResource(StoredCrm crm, TimelineService timelines, Scopes scopes) {
        this.crm = crm;
        this.timelines = timelines;
        this.scopes = scopes;
    }


    @GET
    @Path("/contacts")
    public List<ContactView> contacts(@Auth Caller caller, @QueryParam("space") String spaceId,
            @QueryParam("q") @DefaultValue("") String query,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) long offset) {
        Space space = scopes.space(caller, spaceId);
        return crm.contacts(space.id(), query.strip().toLowerCase(Locale.ROOT), limit, offset).stream().map(ContactView::of)
                .toList();
    }

    @GET
    @Path("/contacts/{id}")
    public ContactView contact(@Auth Caller caller, @QueryParam("space") String spaceId, @PathParam("id") long id) {
        Space space = scopes.space(caller, spaceId);
        return crm.contact(space.id(), id).map(ContactView::of).orElseThrow(() -> noContact(id));
    }

    /** Adds an address to a contact: the same person writing from elsewhere. Taken from another contact if it had it. */
    @POST
    @Path("/contacts/{id}/addresses")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactView addAddress(@Auth Caller caller, @QueryParam("space") String spaceId, @PathParam("id") long id,
            @NotNull(message = "the body must be {\"email\": ...}") @Valid NewAddress request) {
        Space space = scopes.space(caller, spaceId);
        return crm.addAddress(space.id(), id, request.email().strip().toLowerCase(Locale.ROOT)).map(ContactView::of)
                .orElseThrow(() -> noContact(id));
    }

    @GET
    @Path("/contacts/{id}/timeline")
    public List<Timeline.Event> contactTimeline(@Auth Caller caller, @QueryParam("space") String spaceId,
            @PathParam("id") long id) {
        Space space = scopes.space(caller, spaceId);
        crm.contactRow(space.id(), id).orElseThrow(() -> noContact(id));
        return timelines.ofContact(space.id(), id);
    }


    @GET
    @Path("/organizations")
    public List<OrganisationRow> organisations(@Auth Caller caller, @QueryParam("space") String spaceId,
            @QueryParam("q") @DefaultValue("") String query,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) long offset) {
        Space space = scopes.space(caller, spaceId);
        return crm.organisations(space.id(), query.strip().toLowerCase(Locale.ROOT), limit, offset);
    }

    @GET
    @Path("/organizations/{id}")
    public OrganisationView organisation(@Auth Caller caller, @QueryParam("space") String spaceId, @PathParam("id") long id) {
        Space space = scopes.space(caller, spaceId);
        OrganisationRow organisation = organisationRow(space, id);
        return new OrganisationView(organisation, crm.contactsOf(space.id(), organisation.domain()).stream()
                .map(ContactView::of).toList());
    }

    @GET
    @Path("/organizations/{id}/timeline")
    public List<Timeline.Event> organisationTimeline(@Auth Caller caller, @QueryParam("space") String spaceId,
            @PathParam("id") long id) {
        Space space = scopes.space(caller, spaceId);
        OrganisationRow organisation = organisationRow(space, id);
        return timelines.ofOrganisation(space.id(), organisation.domain());
    }

    private static WebApplicationException noContact(long id) {
        return ApiErrors.error(Response.Status.NOT_FOUND, "no contact " + id);
    }

    private OrganisationRow organisationRow(Space space, long id) {
        return crm.organisation(space.id(), id).orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND,
                "no organization " + id));
    }
}
