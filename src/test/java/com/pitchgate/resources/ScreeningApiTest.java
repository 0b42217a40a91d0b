package com.pitchgate.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.Json;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pitches of each kind, in French and English, posted over HTTP to the real application, against
 * the test space La Fabrique (members Marie Dupont, UX designer, and Tom Hale, accountant; known
 * contact Paul Girard; needs a coffee supplier and a cleaning service; does not want SEO). Run on
 * each store by {@link ScreeningApiOnSqliteTest} and {@link ScreeningApiOnPostgresTest}.
 */
abstract class ScreeningApiTest {

    /** The running application, on the store of the concrete test class. */
    protected abstract DropwizardAppExtension<PitchgateConfiguration> app();

    static Stream<Arguments> pitches() {
        return Stream.of(
                Arguments.of("genuine inquiry, English", "anna@brightlabs.example",
                        "Hi, we are a team of three looking for a private office from February. Do you have availability, "
                                + "and what are your rates? Thanks, Anna",
                        "forward", List.of("manager"), "inquiry/genuine_inquiry"),
                Arguments.of("genuine inquiry, French, no greeting, typos", "karim.b@gmail.com",
                        "je cherche un poste de travail pour 3 mois a partir de janvier, pourriez-vous m'envoyer vos tarifs svp",
                        "forward", List.of("manager"), "inquiry/genuine_inquiry"),
                Arguments.of("intro through a member, English", "lucas@standup-desks.example",
                        "Hello, Marie Dupont suggested I contact you. We make standing desks and she thought your members "
                                + "might like to try one for a month.",
                        "forward", null, "intro/introduced_by"),
                Arguments.of("intro through a member, French", "claire@tresorerie-facile.example",
                        "Bonjour, je vous écris de la part de Tom Hale : nous proposons une formation à la gestion de "
                                + "trésorerie pour les indépendants.",
                        "forward", null, "intro/introduced_by"),
                Arguments.of("intro through a known contact, English", "nina@printshop.example",
                        "Good morning, Paul Girard recommended that I reach out to you about printing your event posters.",
                        "forward", null, "intro/introduced_by"),
                Arguments.of("generic cold pitch, English", "sales@fleetco.example",
                        "Dear Sir or Madam, I came across your website. We offer fleet management software for trucking "
                                + "companies that cuts fuel costs by 20% across large vehicle fleets and long-haul routes. "
                                + "Would you like to book a demo call next week?",
                        "auto_decline", List.of(), "fit/no_fit"),
                Arguments.of("unwanted offer, French", "contact@seo-agence.example",
                        "Madame, Monsieur, notre agence propose des services de référencement SEO pour améliorer votre "
                                + "visibilité sur Google. Je vous propose un appel de 15 minutes cette semaine.",
                        "auto_decline", List.of(), "fit/not_wanted"),
                Arguments.of("bulk template with merge fields, English", "growth@payrollnow.example",
                        "Hi {{first_name}}, quick question about {{company}}: are you happy with your payroll provider? "
                                + "We help companies like yours save hours every month.",
                        "auto_decline", List.of(), "bulk/merge_field_leftover"),
                Arguments.of("fitting offer for a member, English", "sara@ledgerly.example",
                        "Hello Tom, I'm Sara from Ledgerly. Ledgerly is accounting software for freelancers: automatic "
                                + "bank import, VAT reports and invoicing. Would you like a free trial?",
                        "forward", List.of("tom-hale"), "fit/member_open_to"),
                Arguments.of("fitting offer for a member, French", "julie@comptaclair.example",
                        "Bonjour, nous éditons un logiciel de comptabilité pensé pour les indépendants, avec la "
                                + "facturation et la déclaration de TVA intégrées. Seriez-vous intéressé par une démonstration ?",
                        "forward", List.of("tom-hale"), "fit/member_open_to"),
                Arguments.of("offer answering the space's need, English", "hello@roastery-lyon.example",
                        "Hello La Fabrique team, we are a coffee roaster in Lyon and supply specialty coffee beans and "
                                + "machines to offices and coworking spaces, delivered every week.",
                        "forward", List.of("manager"), "fit/answers_need"),
                Arguments.of("offer answering the space's need, French", "contact@net-pro.example",
                        "Bonjour, nous sommes une entreprise de nettoyage de bureaux à Lyon et nous intervenons le soir "
                                + "dans les espaces de coworking. Pouvons-nous vous proposer un essai ?",
                        "forward", List.of("manager"), "fit/answers_need"),
                Arguments.of("cold pitch that might fit, English", "team@recruitly.example",
                        "Hello, we built a platform that helps UX designers recruit participants for user research "
                                + "interviews. Our platform is used by 300 design teams. Happy to present it to your members.",
                        "requires_intro", List.of(), "fit/domain_fit"),
                Arguments.of("cold pitch that might fit, French", "bonjour@panelux.example",
                        "Bonjour, nous avons créé une plateforme de recherche utilisateur qui aide les équipes de design "
                                + "d'interface à recruter des participants. Nous proposons un essai gratuit à vos membres.",
                        "requires_intro", List.of(), "fit/domain_fit"),
                Arguments.of("known contact writing, French", "paul@girard-conseil.example",
                        "Salut Sophie, on se voit toujours jeudi pour le déjeuner ?",
                        "forward", List.of("manager"), "known_sender/known_contact"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pitches")
    void routesEachKindOfPitch(String kind, String email, String message, String queue, List<String> target, String signal) {
        Response response = TestApp.postForm(app(), form(email, message));
        JsonNode decision = Json.body(response);

        assertThat(response.getStatus()).as(decision.toString()).isEqualTo(201);
        assertThat(decision.path("queue").asText()).as(decision.toPrettyString()).isEqualTo(queue);
        assertThat(Json.signals(decision)).as(decision.toPrettyString()).contains(signal);
        if (target != null) {
            assertThat(Json.texts(decision.path("target"))).as(decision.toPrettyString()).isEqualTo(target);
        }
        assertThat(decision.path("reasons")).allSatisfy(reason -> {
            assertThat(reason.path("policy").asText()).isNotBlank();
            assertThat(reason.path("signal").asText()).isNotBlank();
            assertThat(reason.has("weight")).isTrue();
        });
    }

    @Test
    void aDeclinedSenderStaysDeclined() {
        String sender = "outreach@cold-leads.example";
        JsonNode first = Json.body(TestApp.postForm(app(), form(sender, "Dear Sir or Madam, I came across your website. "
                + "We offer lead generation campaigns on LinkedIn for industrial suppliers and logistics companies. "
                + "Book a quick call with me this week.")));
        assertThat(first.path("queue").asText()).isEqualTo("auto_decline");

        JsonNode second = Json.body(TestApp.postForm(app(), form(sender,
                "Hello, we are looking for a meeting room for a workshop next month. What are your rates?")));

        assertThat(second.path("queue").asText()).as(second.toPrettyString()).isEqualTo("auto_decline");
        JsonNode decisive = Json.decisive(second);
        assertThat(decisive.path("policy").asText()).isEqualTo("no_memory");
        assertThat(decisive.path("signal").asText()).isEqualTo("declined_before");
        assertThat(decisive.path("detail").asText()).contains("declined on").contains("until")
                .contains("pitch " + first.path("id").asLong());
    }

    @Test
    void answersAreReadableAgainAndQueuesListThem() {
        Map<String, Object> form = form("li.wei@studio-wei.example",
                "Hello, I would like to book your meeting room for a client workshop on 12 March. Is it available, and how much is it?");
        JsonNode decision = Json.body(TestApp.postForm(app(), form));
        long id = decision.path("id").asLong();

        // A new pitch is answered from memory, a duplicate from the store: both must say the same.
        JsonNode again = Json.body(TestApp.postForm(app(), form));
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        ((ObjectNode) again).put("duplicate", false);
        assertThat(again).isEqualTo(decision);

        JsonNode pitch = Json.body(TestApp.api(app(), "/api/pitches/" + id).request().get());
        assertThat(pitch.path("queue").asText()).isEqualTo(decision.path("queue").asText());
        assertThat(pitch.path("text").asText()).contains("client workshop");
        assertThat(pitch.path("sender").path("email").asText()).isEqualTo("li.wei@studio-wei.example");
        assertThat(pitch.path("language").asText()).isEqualTo("en");
        assertThat(pitch.path("reasons").size()).isEqualTo(decision.path("reasons").size());

        JsonNode queue = Json.body(TestApp.api(app(), "/api/queues/forward").queryParam("limit", 500).request().get());
        assertThat(queue.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(queue.path("items").findValuesAsText("id")).contains(String.valueOf(id));
    }

    @Test
    void timesAreIso8601AndAMissingSubjectIsLeftOut() {
        Instant before = Instant.now().minusSeconds(1);
        String email = "no-subject@iso-times.example";
        long id = Json.body(TestApp.postForm(app(), form(email,
                "Hello, I would like to rent a desk for two weeks in May. Is one free, and what does it cost?"))).path("id").asLong();
        TestApp.api(app(), "/api/pitches/" + id + "/override").request()
                .post(jakarta.ws.rs.client.Entity.json(Map.of("queue", "auto_decline", "note", "full in May")));

        JsonNode pitch = Json.body(TestApp.api(app(), "/api/pitches/" + id).request().get());
        assertThat(pitch.has("subject")).as("no subject: " + pitch).isFalse();
        assertIsoTimeSince(before, pitch.path("receivedAt"));
        assertIsoTimeSince(before, pitch.path("decidedAt"));
        assertIsoTimeSince(before, pitch.path("overrides").path(0).path("at"));

        JsonNode queue = Json.body(TestApp.api(app(), "/api/queues/auto_decline").queryParam("limit", 500).request().get());
        JsonNode item = Stream.of(queue.path("items")).flatMap(items -> java.util.stream.StreamSupport.stream(items.spliterator(), false))
                .filter(i -> i.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(item.has("subject")).as("no subject: " + item).isFalse();
        assertIsoTimeSince(before, item.path("receivedAt"));
        assertIsoTimeSince(before, item.path("decidedAt"));

        JsonNode no = Json.body(TestApp.api(app(), "/api/declines").request().get());
        JsonNode declined = Stream.of(no).flatMap(list -> java.util.stream.StreamSupport.stream(list.spliterator(), false))
                .filter(d -> d.path("value").asText().equals(email)).findFirst().orElseThrow();
        assertIsoTimeSince(before, declined.path("declinedAt"));
        assertIsoTimeSince(before, declined.path("expiresAt"));

        JsonNode contact = Json.body(TestApp.api(app(), "/api/contacts").queryParam("q", email).request().get()).path(0);
        assertIsoTimeSince(before, contact.path("firstSeen"));
        JsonNode timeline = Json.body(TestApp.api(app(), "/api/contacts/" + contact.path("id").asLong() + "/timeline").request().get());
        assertThat(timeline.findValuesAsText("detail")).contains("from " + email);
        assertIsoTimeSince(before, timeline.path(0).path("at"));
    }

    /** An ISO-8601 time in UTC ("2026-12-02T09:30:00.123Z"), as JavaTimeModule writes it, not epoch seconds. */
    private static void assertIsoTimeSince(Instant before, JsonNode time) {
        assertThat(time.isTextual()).as("a time as text: " + time).isTrue();
        assertThat(time.asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
        assertThat(Instant.parse(time.asText())).isAfter(before);
    }

    static Map<String, Object> form(String email, String message) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", email.substring(0, email.indexOf('@')));
        form.put("email", email);
        form.put("subject", "");
        form.put("message", message);
        return form;
    }
}
