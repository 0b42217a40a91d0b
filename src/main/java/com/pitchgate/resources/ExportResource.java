package com.pitchgate.resources;

import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.api.ContactView;
import com.pitchgate.space.Space;
import com.pitchgate.store.DecisionDao;
import com.pitchgate.store.StoredCrm;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CRM of a space as CSV: its contacts, and every decision with its overrides. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MANAGER_NAME)
public final class ExportResource {

    private static final String TEXT_CSV = "text/csv";
    private static final int EXPORT_PAGE = 1_000;

    private final StoredCrm crm;
    private final Scopes scopes;

    public ExportResource(StoredCrm crm, Scopes scopes) {
        this.crm = crm;
        this.scopes = scopes;
    }


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
}
