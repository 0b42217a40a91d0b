package com.pitchgate.api;

import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.analyze.Organisations;
import com.pitchgate.crm.NetworkImport;
import com.pitchgate.crm.Timeline;
import com.pitchgate.space.Space;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.store.ContactRow;
import com.pitchgate.store.DecisionDao;
import com.pitchgate.store.DeclineRow;
import com.pitchgate.store.IntroRow;
import com.pitchgate.store.OrganisationRow;
import com.pitchgate.store.StoredCrm;
import com.pitchgate.store.StoredIntros;
import com.pitchgate.store.StoredTimelines;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CRM of a space, for its managers: contacts (with every address seen) and organisations with
 * their timelines, intros (who knows whom, typed in or imported from CSV and vCard), the "no"
 * memory, and CSV exports.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MANAGER_NAME)
public final class CrmResource {

    private static final String TEXT_CSV = "text/csv";
    private static final String TEXT_VCARD = "text/vcard";
    private static final int EXPORT_PAGE = 1_000;

    private final StoredCrm crm;
    private final StoredIntros intros;
    private final StoredTimelines timelines;
    private final Scopes scopes;
    private final Clock clock;
    private final Duration declineMemory;

    public CrmResource(StoredCrm crm, StoredIntros intros, StoredTimelines timelines, Scopes scopes, Clock clock, Duration declineMemory) {
        this.crm = crm;
        this.intros = intros;
        this.timelines = timelines;
        this.scopes = scopes;
        this.clock = clock;
        this.declineMemory = declineMemory;
    }

    // Contacts

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
        return Timeline.of(timelines.ofContact(space.id(), id));
    }

    // Organisations

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
        return Timeline.of(timelines.ofOrganisation(space.id(), organisation.domain()));
    }

    // Intros

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
        IntroRow added = intros.add(new IntroRow(0, space.id(), introducer.kind(), introducer.ref(), introducer.name(),
                request.personName(), email.orElse(null), organisation.orElse(null), request.note(), "api", clock.millis()));
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
        long now = clock.millis();
        intros.addAll(people.stream().map(person -> new IntroRow(0, space.id(), introducer.kind(), introducer.ref(),
                introducer.name(), person.name(), person.email().orElse(null), person.organisation().orElse(null), null,
                source, now)).toList());
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

    // The "no" memory

    @GET
    @Path("/declines")
    public List<DeclineView> declines(@Auth Caller caller, @QueryParam("space") String spaceId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) long offset) {
        Space space = scopes.space(caller, spaceId);
        return crm.standingDeclines(space.id(), clock.millis(), limit, offset).stream().map(DeclineView::of).toList();
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
        crm.decline(space.id(), scope, value, now.toEpochMilli(), until.toEpochMilli());
        return Response.status(Response.Status.CREATED).entity(Map.of("scope", scope, "value", value, "until", until.toString()))
                .build();
    }

    /** Lifts a "no": the next pitch from them is screened on its merits. */
    @DELETE
    @Path("/declines/{id}")
    public Response lift(@Auth Caller caller, @QueryParam("space") String spaceId, @PathParam("id") long id) {
        Space space = scopes.space(caller, spaceId);
        if (!crm.liftDecline(space.id(), id, clock.millis())) {
            throw ApiErrors.error(Response.Status.NOT_FOUND, "no standing decline " + id);
        }
        return Response.noContent().build();
    }

    // Exports

    @GET
    @Path("/exports/contacts.csv")
    @Produces(TEXT_CSV)
    public Response exportContacts(@Auth Caller caller, @QueryParam("space") String spaceId) {
        Space space = scopes.space(caller, spaceId);
        StreamingOutput csv = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("id", "name", "email",
                    "addresses", "organisation", "known", "first_seen", "last_seen").get())) {
                long offset = 0;
                while (true) {
                    long from = offset;
                    List<ContactView> page = crm.contacts(space.id(), "", EXPORT_PAGE, from).stream().map(ContactView::of)
                            .toList();
                    for (ContactView c : page) {
                        printer.printRecord(c.id(), c.name(), c.email(), String.join(" ", c.addresses()), c.organisation(),
                                c.known(), c.firstSeen(), c.lastSeen());
                    }
                    if (page.size() < EXPORT_PAGE) {
                        break;
                    }
                    offset += EXPORT_PAGE;
                }
            }
        };
        return attachment(csv, space.id() + "-contacts.csv");
    }

    @GET
    @Path("/exports/decisions.csv")
    @Produces(TEXT_CSV)
    public Response exportDecisions(@Auth Caller caller, @QueryParam("space") String spaceId) {
        Space space = scopes.space(caller, spaceId);
        StreamingOutput csv = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("pitch_id", "received_at",
                    "sender_email", "sender_name", "organisation", "subject", "language", "queue", "targets", "score",
                    "decided_at", "overrides").get())) {
                long after = 0;
                while (true) {
                    long from = after;
                    List<DecisionDao.ExportRow> page = crm.decisions(space.id(), from, EXPORT_PAGE);
                    for (DecisionDao.ExportRow d : page) {
                        printer.printRecord(d.pitchId(), Instant.ofEpochMilli(d.receivedAt()), d.senderEmail(), d.senderName(),
                                d.organisation(), d.subject(), d.language(), d.queue(), d.targets(), d.score(),
                                Instant.ofEpochMilli(d.decidedAt()), d.overrides());
                        after = d.pitchId();
                    }
                    if (page.size() < EXPORT_PAGE) {
                        break;
                    }
                }
            }
        };
        return attachment(csv, space.id() + "-decisions.csv");
    }

    private static Response attachment(StreamingOutput body, String filename) {
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static WebApplicationException noContact(long id) {
        return ApiErrors.error(Response.Status.NOT_FOUND, "no contact " + id);
    }

    private OrganisationRow organisationRow(Space space, long id) {
        return crm.organisation(space.id(), id).orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND,
                "no organization " + id));
    }

    private static Instant parseDay(String day) {
        try {
            return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "until must be a date written YYYY-MM-DD, got '" + day + "'");
        }
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

    private record Introducer(String kind, String ref, String name) {
    }

    /** A contact with every address it wrote from. */
    public record ContactView(long id, String name, String email, List<String> addresses, String organisation, boolean known,
            Instant firstSeen, Instant lastSeen) {
        static ContactView of(StoredCrm.Contact contact) {
            ContactRow row = contact.row();
            return new ContactView(row.id(), row.name(), row.email(), new ArrayList<>(contact.addresses()), row.organisation(), row.known(),
                    Instant.ofEpochMilli(row.firstSeen()), Instant.ofEpochMilli(row.lastSeen()));
        }
    }

    /** A "no" that stands: to whom, since when, until when, and the pitch that earned it (if any). */
    public record DeclineView(long id, String scope, String value, Long pitchId, Instant declinedAt, Instant expiresAt) {
        static DeclineView of(DeclineRow row) {
            return new DeclineView(row.id(), row.scope(), row.value(), row.pitchId(), Instant.ofEpochMilli(row.declinedAt()),
                    Instant.ofEpochMilli(row.expiresAt()));
        }
    }

    /** An organisation and its contacts. */
    public record OrganisationView(OrganisationRow organisation, List<ContactView> contacts) {
    }

    /** An address to add to a contact. */
    public record NewAddress(@NotBlank @Email String email) {
    }

    /**
     * An intro to record.
     *
     * @param introducer   {@code member:<member id>} or {@code contact:<contact id>}
     * @param organisation a domain such as {@code acme.example}: the introducer knows the whole organisation
     */
    public record NewIntro(@NotBlank String introducer, @Size(max = 200) String personName, @Email String personEmail,
            @Size(max = 253) String organisation, @Size(max = 2000) String note) {
    }

    /** A "no" to record; {@code until} is a date, YYYY-MM-DD. */
    public record NewDecline(@Email String email, @Size(max = 253) String organisation, String until) {
    }
}
