package com.pitchgate.web;

import com.pitchgate.crm.IntroRow;
import com.pitchgate.crm.IntroService;
import com.pitchgate.space.ProfileEdits;
import com.pitchgate.space.Space;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The space's and members' profiles, with what they need and do not want editable (the edit is
 * kept in the store and screening uses it from the next pitch on), and the intros network.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ProfileResource {

    private static final int INTROS_SHOWN = 500;

    private final Guard guard;
    private final ProfileEdits edits;
    private final IntroService intros;

    public ProfileResource(Guard guard, ProfileEdits edits, IntroService intros) {
        this.guard = guard;
        this.edits = edits;
        this.intros = intros;
    }

    @GET
    @Path("/profile")
    public ProfilePage profile(@CookieParam(WebSessions.COOKIE) String cookie, @Context HttpHeaders headers,
            @QueryParam("notice") String notice) {
        WebSession session = guard.session(cookie);
        Space space = guard.space(session);
        Messages messages = guard.messages(headers, space);
        return new ProfilePage(messages, session, space.profile(),
                "saved".equals(notice) ? messages.get("notice_saved") : null);
    }

    @POST
    @Path("/profile/space")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editSpace(@CookieParam(WebSessions.COOKIE) String cookie, @FormParam("csrf") String csrf,
            @FormParam("needs") String needs, @FormParam("notWanted") String notWanted) {
        WebSession session = guard.form(cookie, csrf);
        Space space = guard.space(session);
        edits.edit(space.id(), ProfileEdits.SPACE, ProfileEdits.Field.NEEDS, lines(needs), session.actor());
        edits.edit(space.id(), ProfileEdits.SPACE, ProfileEdits.Field.NOT_WANTED, lines(notWanted), session.actor());
        return saved();
    }

    @POST
    @Path("/profile/members/{member}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editMember(@CookieParam(WebSessions.COOKIE) String cookie, @FormParam("csrf") String csrf,
            @PathParam("member") String memberId, @FormParam("openTo") String openTo,
            @FormParam("interests") String interests) {
        WebSession session = guard.form(cookie, csrf);
        Space space = guard.space(session);
        if (space.profile().member(memberId).isEmpty()) {
            throw new PageRefusal(404, "error_not_found");
        }
        edits.edit(space.id(), memberId, ProfileEdits.Field.OPEN_TO, lines(openTo), session.actor());
        edits.edit(space.id(), memberId, ProfileEdits.Field.INTERESTS, lines(interests), session.actor());
        return saved();
    }

    @GET
    @Path("/intros")
    public IntrosPage intros(@CookieParam(WebSessions.COOKIE) String cookie, @Context HttpHeaders headers) {
        WebSession session = guard.session(cookie);
        Space space = guard.space(session);
        List<IntroRow> rows = this.intros.list(space.id(), INTROS_SHOWN, 0);
        List<IntrosPage.Intro> intros = rows.stream().map(row -> new IntrosPage.Intro(row.introducerName(),
                row.introducerKind(), row.personEmail() != null
                        ? (row.personName() == null || row.personName().isBlank() ? "" : row.personName() + " ")
                                + "<" + row.personEmail() + ">"
                        : row.organisation(),
                row.note(), row.source(), Page.dayTime(row.createdAt()))).toList();
        return new IntrosPage(guard.messages(headers, space), session, space.profile().name(), intros);
    }

    /** A textarea, one phrase a line (commas are part of phrases: "coffee, tea" is one offer). */
    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("\\R"));
    }

    private static Response saved() {
        return Response.seeOther(URI.create("/ui/profile?notice=saved")).build();
    }
}
