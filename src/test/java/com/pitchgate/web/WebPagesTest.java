package com.pitchgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pitchgate.store.Database;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The review pages over plain HTTP: sign-in, sessions, CSRF, scoping to the session's space,
 * languages, search, overrides and profile edits. The browser itself: {@link ReviewPageBrowserTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesTest {

    private WebTestServer server;
    private long inquiry;
    private long fleet;
    private long studioPitch;

    /** The store the application runs on; {@link WebPagesOnPostgresTest} runs all of this on PostgreSQL. */
    protected Database.Vendor vendor() {
        return Database.Vendor.SQLITE;
    }

    @BeforeAll
    void start() throws Exception {
        server = new WebTestServer(vendor());
        inquiry = server.submit(Map.of("name", "Jean Martin", "email", "jean@martin-archi.example",
                "message", "Bonjour, je cherche un bureau pour janvier. Quel est le tarif ?")).path("id").asLong();
        fleet = server.submit(Map.of("name", "Fleet Sales", "email", "sales@fleetco.example", "subject", "Fleet offer",
                "message", "Dear Sir or Madam, I came across your website. We offer fleet management software for trucking "
                        + "companies that cuts fuel costs across large vehicle fleets and long-haul routes.")).path("id").asLong();
        studioPitch = server.submit(Map.of("email", "print@albums.example", "message", "Bonjour, un devis pour des albums ?"),
                WebTestServer.OTHER_MANAGER_KEY, "studio-lina").path("id").asLong();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyPageNeedsASignIn() {
        for (String path : List.of("/ui/queues/forward", "/ui/pitches/" + inquiry, "/ui/profile", "/ui/intros")) {
            HttpResponse<String> response = server.get(path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/ui/signin");
            assertThat(server.get(path, "not-a-session", null).statusCode()).as(path).isEqualTo(303);
        }
        assertThat(server.get("/ui/", null, null).headers().firstValue("Location").orElseThrow())
                .endsWith("/ui/queues/forward");
        HttpResponse<String> post = server.post("/ui/pitches/" + inquiry + "/move", null, Map.of("queue", "forward"));
        assertThat(post.statusCode()).isEqualTo(303);
    }

    @Test
    void onlyAManagerOrAdminKeyOfThatSpaceSignsIn() {
        assertThat(server.signIn("la-fabrique", "wrong-key").statusCode()).isEqualTo(401);
        assertThat(server.signIn("la-fabrique", WebTestServer.MEMBER_KEY).statusCode()).isEqualTo(401);
        assertThat(server.signIn("la-fabrique", WebTestServer.INGEST_KEY).statusCode()).isEqualTo(401);
        assertThat(server.signIn("la-fabrique", WebTestServer.OTHER_MANAGER_KEY).statusCode()).isEqualTo(401);
        assertThat(server.signIn("la-fabrique", WebTestServer.ADMIN_KEY).statusCode()).isEqualTo(303);
        HttpResponse<String> signedIn = server.signIn("la-fabrique", WebTestServer.MANAGER_KEY);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/ui/queues/forward");
        String cookie = WebTestServer.setCookieHeader(signedIn, WebSessions.COOKIE).orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/ui");
    }

    @Test
    void theSignInFormItselfNeedsItsToken() {
        HttpResponse<String> form = server.get("/ui/signin", null, null);
        String token = WebTestServer.csrf(form.body());
        assertThat(server.post("/ui/signin", null, Map.of("csrf", token, "space", "la-fabrique",
                "key", WebTestServer.MANAGER_KEY)).statusCode()).as("no cookie").isEqualTo(403);
        assertThat(server.post("/ui/signin", SignInResource.FORM_COOKIE + "=another", Map.of("csrf", token,
                "space", "la-fabrique", "key", WebTestServer.MANAGER_KEY)).statusCode()).as("other cookie").isEqualTo(403);
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefused() {
        WebTestServer.Session session = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        String move = "/ui/pitches/" + fleet + "/move";
        HttpResponse<String> missing = server.postAs(session, move, Map.of("queue", "forward"));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("<html").doesNotContain("\"code\"");
        assertThat(server.postAs(session, move, Map.of("queue", "forward", "csrf", "forged")).statusCode()).isEqualTo(403);
        WebTestServer.Session other = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        assertThat(server.postAs(session, move, Map.of("queue", "forward", "csrf", other.csrf())).statusCode())
                .as("another session's token").isEqualTo(403);
        for (String path : List.of("/ui/profile/space", "/ui/profile/members/marie-dupont", "/ui/declines/1/lift",
                "/ui/signout")) {
            assertThat(server.postAs(session, path, Map.of("csrf", "forged", "pitch", "1")).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(queueOf(fleet)).as("nothing moved").isEqualTo("auto_decline");
    }

    @Test
    void aSessionSeesItsOwnSpaceOnly() {
        WebTestServer.Session lina = server.session("studio-lina", WebTestServer.OTHER_MANAGER_KEY);
        assertThat(server.get("/ui/pitches/" + inquiry, lina.cookie(), null).statusCode()).isEqualTo(404);
        assertThat(server.postAs(lina, "/ui/pitches/" + inquiry + "/move", Map.of("queue", "auto_decline",
                "csrf", lina.csrf())).statusCode()).isEqualTo(404);
        assertThat(queueOf(inquiry)).isEqualTo("forward");
        String queues = server.get("/ui/queues/forward", lina.cookie(), null).body()
                + server.get("/ui/queues/auto_decline", lina.cookie(), null).body();
        assertThat(queues).doesNotContain("jean@martin-archi.example").doesNotContain("fleetco");
        assertThat(server.get("/ui/pitches/" + studioPitch, lina.cookie(), null).statusCode()).isEqualTo(200);
        WebTestServer.Session sophie = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        assertThat(server.get("/ui/pitches/" + studioPitch, sophie.cookie(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void pagesSpeakTheBrowsersLanguageOrElseTheSpaces() {
        WebTestServer.Session sophie = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        String french = server.get("/ui/queues/forward", sophie.cookie(), "fr-FR,fr;q=0.9,en;q=0.5").body();
        assertThat(french).contains("<html lang=\"fr\">").contains("À transmettre").contains("Refusés")
                .contains("Se déconnecter");
        String english = server.get("/ui/queues/forward", sophie.cookie(), "en-GB,en;q=0.9,fr;q=0.5").body();
        assertThat(english).contains("<html lang=\"en\">").contains("Forward").contains("Auto-declined");
        // No language the pages speak: the space's first language (la-fabrique: fr, en).
        assertThat(server.get("/ui/queues/forward", sophie.cookie(), "de-DE").body()).contains("<html lang=\"fr\">");
        assertThat(server.get("/ui/signin", null, "fr").body()).contains("Connexion");
    }

    @Test
    void pagesForbidScriptsAndAreNotCached() {
        WebTestServer.Session sophie = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        HttpResponse<String> page = server.get("/ui/pitches/" + inquiry, sophie.cookie(), null);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'none'").contains("default-src 'none'").contains("form-action 'self'");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(page.body()).doesNotContain("<script");
        assertThat(server.get("/ui/signin", null, null).headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(server.get("/ui/static/app.css", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theQueueShowsCountsAndIsSearchable() {
        WebTestServer.Session sophie = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        String page = server.get("/ui/queues/auto_decline", sophie.cookie(), "en").body();
        assertThat(page).contains("sales@fleetco.example").contains("<svg id=\"chart\"");
        assertThat(server.get("/ui/queues/auto_decline?domain=fleetco.example", sophie.cookie(), "en").body())
                .contains("pitch-" + fleet);
        assertThat(server.get("/ui/queues/auto_decline?sender=nobody", sophie.cookie(), "en").body())
                .doesNotContain("pitch-" + fleet).contains("empty-queue");
        assertThat(server.get("/ui/queues/auto_decline?q=TRUCKING", sophie.cookie(), "en").body()).contains("pitch-" + fleet);
        assertThat(server.get("/ui/queues/auto_decline?q=100%25_", sophie.cookie(), "en").body()).doesNotContain("pitch-" + fleet);
        assertThat(server.get("/ui/queues/auto_decline?from=2000-01-01&to=2000-01-31", sophie.cookie(), "en").body())
                .doesNotContain("pitch-" + fleet);
        assertThat(server.get("/ui/queues/auto_decline?from=yesterday", sophie.cookie(), "en").statusCode()).isEqualTo(400);
        assertThat(server.get("/ui/queues/nowhere", sophie.cookie(), "en").statusCode()).isEqualTo(404);
    }

    @Test
    void forwardingToAMemberIsAnOverrideInTheirName() {
        long pitch = server.submit(Map.of("email", "ads@lead-gen.example", "message",
                "Dear Sir or Madam, we offer SEO and lead generation for coworking spaces.")).path("id").asLong();
        WebTestServer.Session sophie = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        HttpResponse<String> moved = server.postAs(sophie, "/ui/pitches/" + pitch + "/move", Map.of("csrf", sophie.csrf(),
                "queue", "forward", "target", "tom-hale", "note", "Tom wants to hear about it"));
        assertThat(moved.statusCode()).isEqualTo(303);
        JsonNode after = server.apiGet("/api/pitches/" + pitch, WebTestServer.MANAGER_KEY);
        assertThat(after.path("queue").asText()).isEqualTo("forward");
        assertThat(after.path("target").toString()).contains("tom-hale");
        assertThat(after.toString()).contains("sophie").contains("Tom wants to hear about it");
        assertThat(server.postAs(sophie, "/ui/pitches/" + pitch + "/move", Map.of("csrf", sophie.csrf(),
                "queue", "forward", "target", "nobody")).statusCode()).isEqualTo(400);
    }

    @Test
    void aNoCanBeLiftedFromThePitchPage() {
        long pitch = server.submit(Map.of("email", "crypto@coins.example", "message",
                "Hello Sophie, I'm Max from Coins. We would like to offer La Fabrique a partnership on our crypto token,"
                        + " with guaranteed returns for your members.")).path("id").asLong();
        WebTestServer.Session sophie = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        server.postAs(sophie, "/ui/pitches/" + pitch + "/move", Map.of("csrf", sophie.csrf(), "queue", "auto_decline"));
        String page = server.get("/ui/pitches/" + pitch, sophie.cookie(), "en").body();
        assertThat(page).contains("id=\"standing-no\"").contains("crypto@coins.example");
        String declineId = page.replaceAll("(?s).*action=\"/ui/declines/(\\d+)/lift\".*", "$1");
        HttpResponse<String> lifted = server.postAs(sophie, "/ui/declines/" + declineId + "/lift",
                Map.of("csrf", sophie.csrf(), "pitch", String.valueOf(pitch)));
        assertThat(lifted.statusCode()).isEqualTo(303);
        assertThat(server.get("/ui/pitches/" + pitch + "?notice=lifted", sophie.cookie(), "en").body())
                .contains("was lifted").doesNotContain("id=\"standing-no\"");
        assertThat(server.apiGet("/api/declines", WebTestServer.MANAGER_KEY).toString()).doesNotContain("crypto@coins.example");
    }

    @Test
    void anEditedProfileIsWhatTheApiShowsAndWhatScreeningUses() {
        String pitch = "Hello, we sell standing desks and ergonomic office chairs for coworking spaces. Interested?";
        JsonNode before = server.submit(Map.of("email", "sales@desks-one.example", "message", pitch));
        assertThat(before.toString()).doesNotContain("answers_need");
        WebTestServer.Session sophie = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        HttpResponse<String> saved = server.postAs(sophie, "/ui/profile/space", Map.of("csrf", sophie.csrf(),
                "needs", "coffee supplier\nfournisseur de café\nstanding desks\n\n  bureaux assis-debout  ",
                "notWanted", "SEO\ncrypto"));
        assertThat(saved.statusCode()).isEqualTo(303);
        JsonNode profile = server.apiGet("/api/spaces/la-fabrique", WebTestServer.MANAGER_KEY);
        assertThat(profile.path("needs").toString()).contains("standing desks").contains("bureaux assis-debout")
                .doesNotContain("cleaning service");
        assertThat(profile.path("notWanted").toString()).isEqualTo("[\"SEO\",\"crypto\"]");
        JsonNode after = server.submit(Map.of("email", "sales@desks-two.example", "message", pitch));
        assertThat(after.toString()).contains("answers_need");
        assertThat(after.path("score").asDouble()).isGreaterThan(before.path("score").asDouble());
        String page = server.get("/ui/profile", sophie.cookie(), "en").body();
        assertThat(page).contains("standing desks");
        assertThat(server.postAs(sophie, "/ui/profile/members/marie-dupont", Map.of("csrf", sophie.csrf(),
                "openTo", "prototyping tools\nstanding desks", "interests", "accessibility")).statusCode()).isEqualTo(303);
        assertThat(server.apiGet("/api/spaces/la-fabrique/members/marie-dupont", WebTestServer.MANAGER_KEY)
                .path("openTo").toString()).contains("standing desks");
    }

    @Test
    void anHtmlMailIsShownAsTextNeverAsMarkup() {
        String raw = "From: Eve <eve@html-mail.example>\r\nTo: hello@lafabrique.example\r\nSubject: A desk?\r\n"
                + "Message-ID: <html-1@html-mail.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<html><body><p>Bonjour, je cherche un bureau.</p><script>alert(1)</script>"
                + "<img src=x onerror=alert(2)><p>&lt;script&gt;alert(3)&lt;/script&gt;</p></body></html>\r\n";
        long pitch = server.submitMail(raw).path("id").asLong();
        WebTestServer.Session sophie = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        String page = server.get("/ui/pitches/" + pitch, sophie.cookie(), "en").body();
        assertThat(page).contains("Bonjour, je cherche un bureau.").doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;script&gt;alert(3)&lt;/script&gt;");
    }

    @Test
    void signingOutEndsTheSession() {
        WebTestServer.Session session = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        HttpResponse<String> out = server.postAs(session, "/ui/signout", Map.of("csrf", session.csrf()));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(WebTestServer.setCookieHeader(out, WebSessions.COOKIE).orElseThrow()).contains("Max-Age=0");
        assertThat(server.get("/ui/queues/forward", session.cookie(), null).statusCode()).isEqualTo(303);
    }

    private String queueOf(long pitch) {
        return server.apiGet("/api/pitches/" + pitch, WebTestServer.MANAGER_KEY).path("queue").asText();
    }
}
