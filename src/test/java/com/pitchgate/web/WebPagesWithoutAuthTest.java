package com.pitchgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code auth.enabled: false} (local development): the sign-in page asks for the space only,
 * and the session and CSRF checks stay as they are.
 */
class WebPagesWithoutAuthTest {

    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.withoutAuth();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signingInNeedsNoKeyButPagesStillNeedASession() {
        assertThat(server.get("/ui/queues/forward", null, null).statusCode()).isEqualTo(303);
        String form = server.get("/ui/signin", null, "en").body();
        assertThat(form).doesNotContain("name=\"key\"").contains("Authentication is off");
        HttpResponse<String> signedIn = server.signIn("la-fabrique", null);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        WebTestServer.Session session = server.session("la-fabrique", null);
        assertThat(server.get("/ui/queues/forward", session.cookie(), "en").body()).contains("local (auth disabled)");
        assertThat(server.postAs(session, "/ui/signout", java.util.Map.of()).statusCode()).isEqualTo(403);
        assertThat(server.signIn("nowhere", null).statusCode()).isEqualTo(401);
    }
}
