package com.pitchgate.web;

import com.pitchgate.access.Caller;
import com.pitchgate.space.Space;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Signing in and out of the review pages. The sign-in form has no session to tie a CSRF token to,
 * so it carries one that must equal a cookie set with the form (double submit): another site can
 * make a browser post the form but can neither read nor set that cookie.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class SignInResource {

    static final String FORM_COOKIE = "pg_signin";
    private static final int FORM_MINUTES = 30;

    private final Guard guard;
    private final Credentials credentials;

    public SignInResource(Guard guard, Credentials credentials) {
        this.guard = guard;
        this.credentials = credentials;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/ui/queues/forward")).build();
    }

    @GET
    @Path("/signin")
    public Response form(@Context HttpHeaders headers) {
        return signInPage(headers, null, Response.Status.OK);
    }

    @POST
    @Path("/signin")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@Context HttpHeaders headers, @FormParam("space") String spaceId, @FormParam("key") String key,
            @FormParam("csrf") String csrf, @CookieParam(FORM_COOKIE) String formCookie) {
        if (csrf == null || formCookie == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                formCookie.getBytes(StandardCharsets.UTF_8))) {
            throw new PageRefusal(403, "error_csrf");
        }
        Optional<Caller> caller = Optional.ofNullable(spaceId).flatMap(guard.spaces()::find)
                .flatMap(space -> credentials.check(space.id(), key));
        if (caller.isEmpty()) {
            return signInPage(headers, "signin_failed", Response.Status.UNAUTHORIZED);
        }
        WebSessions.Opened opened = guard.sessions().open(spaceId, caller.get().getName(), caller.get().role());
        return Response.seeOther(URI.create("/ui/queues/forward")).cookie(opened.cookie(),
                guard.sessions().cookie(FORM_COOKIE, "", 0)).build();
    }

    @POST
    @Path("/signout")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@CookieParam(WebSessions.COOKIE) String cookie, @FormParam("csrf") String csrf) {
        guard.sessions().close(guard.form(cookie, csrf));
        return Response.seeOther(URI.create("/ui/signin")).cookie(guard.sessions().expiredCookie()).build();
    }

    private Response signInPage(HttpHeaders headers, String error, Response.Status status) {
        List<SignInPage.SpaceOption> spaces = guard.spaces().all().stream()
                .map(space -> new SignInPage.SpaceOption(space.id(), space.profile().name())).toList();
        List<String> languages = guard.spaces().all().stream().findFirst().map(Space::profile)
                .map(p -> p.languages()).orElse(List.of());
        Messages messages = Messages.choose(headers.getAcceptableLanguages(), languages);
        String token = WebSessions.randomToken();
        return Response.status(status).cookie(guard.sessions().cookie(FORM_COOKIE, token, FORM_MINUTES * 60))
                .entity(new SignInPage(messages, spaces, credentials.required(), token, error)).build();
    }
}
