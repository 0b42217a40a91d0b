package com.pitchgate.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.Json;
import com.pitchgate.support.Mails;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Raw e-mails and form attachments: what Tika reads from them reaches the decision, and the same
 * pitch twice is stored once. Run on each store by {@link MessageIntakeOnSqliteTest} and
 * {@link MessageIntakeOnPostgresTest}.
 */
abstract class MessageIntakeTest {

    /** The running application, on the store of the concrete test class. */
    protected abstract DropwizardAppExtension<PitchgateConfiguration> app();

    private static final String HTML = "<html><head><style>p { color: red }</style></head><body>"
            + "<p>Hello,</p><p>please find our brochure attached. Let us know what you think.</p>"
            + "<img src=\"https://track.example/open.gif\" width=\"1\" height=\"1\"></body></html>";
    private static final String BROCHURE = "Ledgerly is accounting software for freelancers: invoicing, VAT returns and bank import.";

    @Test
    void pdfAttachmentTextAppearsAndCounts() throws Exception {
        byte[] withPdf = Mails.htmlMail("Sara Klein <sara@ledgerly.example>", "<brochure-1@ledgerly.example>",
                "Our brochure", HTML, BROCHURE);
        byte[] withoutPdf = Mails.htmlMail("Sara Klein <sara@ledgerly-twin.example>", "<brochure-2@ledgerly.example>",
                "Our brochure", HTML, null);

        Response response = TestApp.postMessage(app(), withPdf);
        JsonNode decision = Json.body(response);
        JsonNode bare = Json.body(TestApp.postMessage(app(), withoutPdf));

        assertThat(response.getStatus()).as(decision.toString()).isEqualTo(201);
        assertThat(Json.signals(decision)).as(decision.toPrettyString()).contains("fit/member_open_to");
        assertThat(decision.path("fit").path("matches").path("tom-hale.openTo").toString()).contains("accounting software");
        assertThat(Json.signals(bare)).as(bare.toPrettyString()).doesNotContain("fit/member_open_to");

        JsonNode pitch = Json.body(TestApp.api(app(), "/api/pitches/" + decision.path("id").asLong()).request().get());
        assertThat(pitch.path("channel").asText()).isEqualTo("email");
        assertThat(pitch.path("sender").path("email").asText()).isEqualTo("sara@ledgerly.example");
        assertThat(pitch.path("sender").path("name").asText()).isEqualTo("Sara Klein");
        assertThat(pitch.path("subject").asText()).isEqualTo("Our brochure");
        assertThat(pitch.path("text").asText()).contains("please find our brochure attached")
                .doesNotContain("<p>").doesNotContain("color: red");
        JsonNode attachment = pitch.path("attachments").get(0);
        assertThat(attachment.path("filename").asText()).isEqualTo("brochure.pdf");
        assertThat(attachment.path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.path("text").asText()).contains("accounting software for freelancers");
        assertThat(Json.texts(pitch.path("marks"))).contains("tracking_pixel");
        assertThat(Json.signals(pitch)).contains("bulk/tracking_pixel");
    }

    @Test
    void bulkHeadersAreKeptAndWeighAgainst() {
        String raw = """
                From: "Growth Team" <news@growthmail.example>
                To: sophie@lafabrique.example
                Subject: =?UTF-8?Q?Boostez_vos_ventes_=C3=A0_Lyon?=
                Message-ID: <campaign-77@growthmail.example>
                List-Unsubscribe: <https://growthmail.example/unsub?u=42>
                Precedence: bulk
                X-Mailer: Mailchimp Mailer
                Content-Type: text/plain; charset=UTF-8

                Bonjour {{prenom}}, nous aidons les entreprises comme la vôtre à doubler leurs ventes.
                """;
        JsonNode decision = Json.body(TestApp.postMessage(app(), raw));

        assertThat(decision.path("queue").asText()).isEqualTo("auto_decline");
        assertThat(Json.signals(decision)).contains("bulk/list_unsubscribe", "bulk/precedence_bulk", "bulk/bulk_mailer",
                "bulk/merge_field_leftover");
        JsonNode pitch = Json.body(TestApp.api(app(), "/api/pitches/" + decision.path("id").asLong()).request().get());
        assertThat(pitch.path("subject").asText()).isEqualTo("Boostez vos ventes à Lyon");
        assertThat(pitch.path("headers").path("list-unsubscribe").get(0).asText()).contains("unsub");
        assertThat(pitch.path("language").asText()).isEqualTo("fr");
    }

    @Test
    void legacyCharsetsAreDecoded() {
        String raw = "From: Luc Moreau <luc@torrefaction-moreau.example>\r\n"
                + "Subject: Fournisseur de cafe\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\n"
                + "Bonjour, nous torréfions un café de spécialité à Lyon et livrons les espaces de travail.\r\n";
        JsonNode decision = Json.body(TestApp.postMessage(app(), raw.getBytes(StandardCharsets.ISO_8859_1)));

        JsonNode pitch = Json.body(TestApp.api(app(), "/api/pitches/" + decision.path("id").asLong()).request().get());
        assertThat(pitch.path("text").asText()).contains("torréfions un café de spécialité");
        assertThat(Json.signals(decision)).contains("fit/answers_need");
    }

    @Test
    void docxAttachedToAFormCounts() throws Exception {
        String docx = Base64.getEncoder().encodeToString(Mails.docx(
                "Nous sommes une entreprise de nettoyage de bureaux et intervenons le soir dans les coworkings."));
        Map<String, Object> form = Map.of("name", "Inès Roux", "email", "ines@propre-et-net.example",
                "subject", "Proposition", "message", "Bonjour, veuillez trouver notre proposition en pièce jointe.",
                "attachments", List.of(Map.of("filename", "proposition.docx",
                        "contentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "data", docx)));

        JsonNode decision = Json.body(TestApp.postForm(app(), form));

        assertThat(Json.signals(decision)).as(decision.toPrettyString()).contains("fit/answers_need");
        JsonNode pitch = Json.body(TestApp.api(app(), "/api/pitches/" + decision.path("id").asLong()).request().get());
        assertThat(pitch.path("attachments").get(0).path("text").asText()).contains("entreprise de nettoyage");
    }

    @Test
    void theSameMessageTwiceIsStoredOnceAndAnsweredWithTheFirstDecision() throws Exception {
        byte[] raw = Mails.htmlMail("Sara Klein <sara@ledgerly.example>", "<same-id@ledgerly.example>",
                "Once only", "<p>Do you have a desk available next week? How much is it?</p>", null);
        Response first = TestApp.postMessage(app(), raw);
        JsonNode firstDecision = Json.body(first);
        Response second = TestApp.postMessage(app(), raw);
        JsonNode secondDecision = Json.body(second);

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(secondDecision.path("duplicate").asBoolean()).isTrue();
        assertThat(secondDecision.path("id").asLong()).isEqualTo(firstDecision.path("id").asLong());
        assertThat(secondDecision.path("queue").asText()).isEqualTo(firstDecision.path("queue").asText());
        // Read back from the store, the answer says all the first one said (made from memory).
        assertThat(firstDecision.path("reasons")).isNotEmpty();
        JsonNode readBack = ((ObjectNode) secondDecision.deepCopy()).without("duplicate");
        JsonNode fromMemory = ((ObjectNode) firstDecision.deepCopy()).without("duplicate");
        assertThat(readBack).isEqualTo(fromMemory);

        byte[] resentWithNewHeaders = new String(raw, StandardCharsets.UTF_8)
                .replace("Subject: Once only", "Subject: Once only\r\nX-Resent: yes").getBytes(StandardCharsets.UTF_8);
        JsonNode third = Json.body(TestApp.postMessage(app(), resentWithNewHeaders));
        assertThat(third.path("id").asLong()).as("same Message-ID").isEqualTo(firstDecision.path("id").asLong());
    }

    @Test
    void theSameMessageWithoutAMessageIdTwiceIsStoredOnceByItsContent() {
        String raw = "From: Sara Klein <sara@ledgerly.example>\r\nTo: sophie@lafabrique.example\r\nSubject: No id\r\n"
                + "Date: Thu, 3 Dec 2026 09:30:00 +0100\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hello, do you have a desk available next week? How much is it?\r\n";
        JsonNode first = Json.body(TestApp.postMessage(app(), raw));
        Response again = TestApp.postMessage(app(), raw);
        JsonNode second = Json.body(again);
        JsonNode other = Json.body(TestApp.postMessage(app(), raw.replace("next week", "next month")));

        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(second.path("duplicate").asBoolean()).isTrue();
        assertThat(second.path("id").asLong()).isEqualTo(first.path("id").asLong());
        assertThat(other.path("duplicate").asBoolean()).isFalse();
        assertThat(other.path("id").asLong()).isNotEqualTo(first.path("id").asLong());
    }

    @Test
    void theSameFormTwiceIsStoredOnce() {
        Map<String, Object> form = Map.of("name", "Eva", "email", "eva@example.org",
                "message", "Hello, could you send me the price list for a day pass?");
        JsonNode first = Json.body(TestApp.postForm(app(), form));
        Response again = TestApp.postForm(app(), form);
        JsonNode second = Json.body(again);

        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(second.path("duplicate").asBoolean()).isTrue();
        assertThat(second.path("id").asLong()).isEqualTo(first.path("id").asLong());
    }
}
