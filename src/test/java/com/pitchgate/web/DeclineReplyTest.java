package com.pitchgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Decline and reply" on the pitch page: the decline reply goes to the outbox like an automatic one,
 * under the same guards (here, the cool-down: a sender already answered gets no second reply). The
 * relay is unreachable: what is checked is what was queued, not its delivery.
 */
class DeclineReplyTest {

    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.with(config -> {
            // No automatic replies or forwards: the only mail queued is the one asked for on the page.
            var outbound = config.putObject("outbound").put("enabled", true).put("replyRequiresIntro", false)
                    .put("forward", false);
            outbound.putObject("relay").put("host", "127.0.0.1").put("port", 9).put("security", "none");
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDeclineWithReplyQueuesTheReplyOnce() {
        long first = mailFrom("vendor@printshop.example", "<1@printshop.example>");
        long second = mailFrom("vendor@printshop.example", "<2@printshop.example>");
        WebTestServer.Session sophie = server.session("la-fabrique", WebTestServer.MANAGER_KEY);
        assertThat(server.get("/ui/pitches/" + first, sophie.cookie(), "en").body()).contains("id=\"decline-reply\"");

        HttpResponse<String> declined = server.postAs(sophie, "/ui/pitches/" + first + "/move",
                Map.of("csrf", sophie.csrf(), "queue", "auto_decline", "reply", "on"));
        assertThat(declined.headers().firstValue("Location").orElseThrow()).endsWith("notice=moved_replied");
        JsonNode pitch = server.apiGet("/api/pitches/" + first, WebTestServer.MANAGER_KEY);
        assertThat(pitch.path("queue").asText()).isEqualTo("auto_decline");
        assertThat(pitch.path("deliveries").findValuesAsText("kind")).contains("reply");
        assertThat(pitch.path("deliveries").toString()).contains("vendor@printshop.example");

        HttpResponse<String> again = server.postAs(sophie, "/ui/pitches/" + second + "/move",
                Map.of("csrf", sophie.csrf(), "queue", "auto_decline", "reply", "on"));
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("notice=moved_reply_withheld");
        assertThat(server.apiGet("/api/pitches/" + second, WebTestServer.MANAGER_KEY).path("deliveries")
                .findValuesAsText("kind")).doesNotContain("reply");
    }

    private static long mailFrom(String sender, String messageId) {
        return server.submitMail("From: Print Shop <" + sender + ">\r\nTo: hello@lafabrique.example\r\nSubject: Flyers\r\n"
                + "Message-ID: " + messageId + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Hello, we print flyers and posters for events. Do you need any for Fabrique Talks? " + messageId + "\r\n")
                .path("id").asLong();
    }
}
