package com.pitchgate.resources;

import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.api.NewIntro;
import com.pitchgate.crm.ContactRow;
import com.pitchgate.crm.IntroRow;
import com.pitchgate.crm.IntroService;
import com.pitchgate.crm.IntroService.Introducer;
import com.pitchgate.crm.NetworkImport;
import com.pitchgate.space.Space;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.store.StoredCrm;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Who knows whom: intros typed in, or imported from CSV and vCard; who vouches is a member or a known contact. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MANAGER_NAME)
public final class IntroResource {

    private static final String TEXT_CSV = "text/csv";
    private static final String TEXT_VCARD = "text/vcard";

    private final StoredCrm crm;
    private final IntroService intros;
    private final Scopes scopes;

    public IntroResource(StoredCrm crm, IntroService intros, Scopes scopes) {
        this.crm = crm;
        this.intros = intros;
        this.scopes = scopes;
    }


    @GET
    @Path("/intros")
    public List<IntroRow> intros(@Auth Caller caller, @QueryParam("space") String spaceId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) long offset) {
        Space space = scopes.space(caller, spaceId);
        return intros.list(space.id(), limit, offset);
    }

    /** Records that a member or a contact knows a person (by address) or an organisation (by domain). */
    @POST
    @Path("/intros")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addIntro(@Auth Caller caller, @QueryParam("space") String spaceId,
            @NotNull(message = "the body must be {\"introducer\": \"member:ID\" or \"contact:ID\", ...}") @Valid NewIntro request) {
        Space space = scopes.space(caller, spaceId);
        Optional<String> email = Optional.ofNullable(request.personEmail()).map(e -> e.strip().toLowerCase(Locale.ROOT));
        Optional<String> organisation = Optional.ofNullable(request.organisation()).flatMap(NetworkImport::domain);
        if (email.isEmpty() && organisation.isEmpty()) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "give personEmail, or organisation as a domain such as acme.example");
        }
        Introducer introducer = introducer(space, request.introducer());
        IntroRow added = intros.add(space.id(), introducer, request.personName(), email, organisation, request.note(), "api");
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    /** Imports an introducer's network: CSV ({@code name,email,organisation}) or vCard. */
    @POST
    @Path("/intros/import")
    @Consumes({TEXT_CSV, TEXT_VCARD, "text/x-vcard"})
    public Map<String, Object> importIntros(@Auth Caller caller, @QueryParam("space") String spaceId,
            @QueryParam("introducer") String introducerRef, @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
            InputStream body) throws IOException {
        Space space = scopes.space(caller, spaceId);
        Introducer introducer = introducer(space, introducerRef);
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        List<NetworkImport.Person> people;
        try {
            people = contentType != null && contentType.startsWith(TEXT_CSV) ? NetworkImport.csv(text) : NetworkImport.vcard(text);
        } catch (IOException | RuntimeException e) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "the file could not be read: " + e.getMessage());
        }
        String source = contentType != null && contentType.startsWith(TEXT_CSV) ? "csv" : "vcard";
        intros.addNetwork(space.id(), introducer, people, source);
        return Map.of("imported", people.size(), "introducer", introducer.name());
    }

    @DELETE
    @Path("/intros/{id}")
    public Response deleteIntro(@Auth Caller caller, @QueryParam("space") String spaceId, @PathParam("id") long id) {
        Space space = scopes.space(caller, spaceId);
        if (!intros.remove(space.id(), id)) {
            throw ApiErrors.error(Response.Status.NOT_FOUND, "no intro " + id);
        }
        return Response.noContent().build();
    }

    /** Who vouches: {@code member:<member id>} or {@code contact:<contact id>}. */
    private Introducer introducer(Space space, String reference) {
        if (reference == null || !reference.contains(":")) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "introducer must be 'member:<member id>' or 'contact:<contact id>'");
        }
        String kind = reference.substring(0, reference.indexOf(':'));
        String ref = reference.substring(reference.indexOf(':') + 1);
        if (kind.equals("member")) {
            SpaceProfile.MemberProfile member = space.profile().member(ref).orElseThrow(() -> ApiErrors.error(
                    Response.Status.BAD_REQUEST, "no member '" + ref + "' in space '" + space.id() + "'"));
            return new Introducer("member", member.id(), member.name());
        }
        if (kind.equals("contact")) {
            long id;
            try {
                id = Long.parseLong(ref);
            } catch (NumberFormatException e) {
                throw ApiErrors.error(Response.Status.BAD_REQUEST, "contact ids are numbers, got '" + ref + "'");
            }
            ContactRow contact = crm.contactRow(space.id(), id).orElseThrow(() ->
                    ApiErrors.error(Response.Status.BAD_REQUEST, "no contact " + id + " in space '" + space.id() + "'"));
            if (!contact.known()) {
                throw ApiErrors.error(Response.Status.BAD_REQUEST, "contact " + id + " is not a known contact: only people the"
                        + " space knows can vouch");
            }
            return new Introducer("contact", String.valueOf(id), contact.name().isBlank() ? contact.email() : contact.name());
        }
        throw ApiErrors.error(Response.Status.BAD_REQUEST, "introducer must be 'member:<member id>' or 'contact:<contact id>'");
    }
}
