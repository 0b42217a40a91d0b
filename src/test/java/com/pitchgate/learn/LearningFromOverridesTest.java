package com.pitchgate.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.Commands;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.Json;
import com.pitchgate.support.LabeledPitches;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP, against the real server: a manager keeps moving offers of office plants, which the
 * rules send to requires_intro, to auto_decline. Below the minimum of examples nothing is learned;
 * once there are enough and the overrides reach retrainAfterOverrides, the server retrains in the
 * background, and the next similar offer carries a learned signal that declines it. The model is
 * still there after a restart, and a model the train command stores is taken up by the running server.
 */
class LearningFromOverridesTest {

    private static final double DECLINE_AT = -3.0;

    private final Client client = ClientBuilder.newClient();
    private DropwizardTestSupport<PitchgateConfiguration> app;

    @AfterEach
    void stop() {
        client.close();
        if (app != null) {
            app.after();
        }
    }

    @Test
    void overridesTeachTheServerToDeclineSimilarPitches() throws Exception {
        String database = TestApp.newDatabaseUrl();
        Path config = ConfigFiles.testConfig(c -> {
            c.with("database").put("url", database);
            c.with("learning").put("minExamples", 12).put("minPerQueue", 3).put("retrainAfterOverrides", 4)
                    .put("checkInterval", "300ms").put("folds", 3);
        });
        app = ConfigFiles.start(config, database);

        long[] corrected = new long[5];
        post("anna@brightlabs.example", "Hello, I'm a freelance designer and I'm looking for a desk from next month. What are your rates?");
        post("karim@studio-k.example", "Bonjour, je cherche un bureau privatif pour deux personnes à partir de mars. Quel est le tarif ?");
        post("li@wei-consulting.example", "Hi, we would like to book a meeting room for a workshop next Thursday. Is it available?");
        post("outreach@cold-leads.example", "Dear Sir or Madam, I came across your website. We offer lead generation campaigns on "
                + "LinkedIn for industrial suppliers and logistics companies. Book a quick call with me this week.");
        post("contact@seo-agence.example", "Madame, Monsieur, notre agence propose des services de référencement SEO pour "
                + "améliorer votre visibilité sur Google. Je vous propose un appel de 15 minutes cette semaine.");
        post("growth@payrollnow.example", "Hi {{first_name}}, quick question about {{company}}: are you happy with your payroll "
                + "provider? We help companies like yours save hours every month.");
        JsonNode firstPlants = post("hello@leafcare.example", "Hello, we rent indoor plants to coworking spaces and install, water "
                + "and replace them every month. Would you like a visit from our team?");
        assertThat(firstPlants.path("queue").asText()).as(firstPlants.toPrettyString()).isEqualTo("requires_intro");
        corrected[0] = firstPlants.path("id").asLong();

        String notYet = retrainTask();
        assertThat(notYet).contains("la-fabrique: not trained: 7 examples").contains("a model needs at least 12 examples");
        assertThat(model()).isEmpty();
        JsonNode belowMinimum = post("care@greenhub.example", "Hi, our gardeners bring indoor plants to coworking spaces and "
                + "water them every week. Interested in a greener office?");
        assertThat(Json.signals(belowMinimum)).noneMatch(signal -> signal.startsWith("learned/"));

        post("hugo@duo-dev.example", "Bonjour, avez-vous des postes disponibles en janvier ? Combien coûte l'abonnement mensuel ?");
        post("sam@remote.example", "Hello, could you send me your prices for a day pass next week?");
        corrected[1] = belowMinimum.path("id").asLong();
        corrected[2] = post("contact@vert-bureau.example", "Bonjour, nous louons des plantes d'intérieur aux espaces de coworking, "
                + "avec arrosage et entretien chaque mois.").path("id").asLong();
        corrected[3] = post("studio@mossdesign.example", "Hi, we lease indoor plants and green walls to offices and coworking "
                + "spaces, with monthly watering included.").path("id").asLong();
        corrected[4] = post("bonjour@plantes-pro.example", "Bonjour, nous installons des plantes vertes et des murs végétaux dans "
                + "les espaces de coworking, entretien mensuel compris.").path("id").asLong();
        for (long id : corrected) {
            JsonNode overridden = LabeledPitches.override(client, app.getLocalPort(), id, "auto_decline");
            assertThat(overridden.path("queue").asText()).isEqualTo("auto_decline");
        }

        JsonNode trained = awaitModel();
        assertThat(trained.path("examples").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(trained.path("overridden").asInt()).isGreaterThanOrEqualTo(4);
        JsonNode similar = post("team@urbanjungle.example", "Hello, we offer indoor plant rental for coworking spaces: our team "
                + "waters and replaces the plants every month. Would you like a visit?");
        JsonNode learned = reason(similar, "learned", LearnedPolicy.SIGNAL).orElseThrow(
                () -> new AssertionError("no learned signal in " + similar.toPrettyString()));
        double weight = learned.path("weight").asDouble();
        assertThat(weight).isNegative();
        assertThat(learned.path("detail").asText()).contains("P(auto_decline)").contains("weight 5.0 × (");
        assertThat(similar.path("queue").asText()).as(similar.toPrettyString()).isEqualTo("auto_decline");
        assertThat(similar.path("score").asDouble() - weight).as("the rules alone would not have declined it")
                .isGreaterThan(DECLINE_AT);

        String trainedAt = trained.path("trainedAt").asText();
        app.after();
        app = ConfigFiles.start(config, database);
        assertThat(model()).as("loaded from the store at start").map(m -> m.path("trainedAt").asText()).contains(trainedAt);

        Commands.Run train = Commands.run("train", config.toString());
        assertThat(train.exitStatus()).as(train.toString()).isZero();
        JsonNode fromCommand = awaitModel(model -> !model.path("trainedAt").asText().equals(trainedAt));
        assertThat(fromCommand.path("examples").asInt()).as("the running server took up the command's model")
                .isEqualTo(trained.path("examples").asInt() + 1);
    }

    private JsonNode post(String email, String message) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("message", message);
        JsonNode decision = Json.body(client.target(api("/api/pitches")).request(MediaType.APPLICATION_JSON)
                .post(Entity.json(form)));
        assertThat(decision.path("state").asText()).as(decision.toString()).isEqualTo("decided");
        return decision;
    }

    private String api(String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    private String retrainTask() {
        return client.target("http://localhost:" + app.getAdminPort() + "/tasks/retrain").queryParam("space", "la-fabrique")
                .request().post(Entity.text("")).readEntity(String.class);
    }

    private Optional<JsonNode> model() {
        JsonNode models = Json.body(client.target(api("/api/models")).request().get());
        assertThat(models.get(0).path("space").asText()).isEqualTo("la-fabrique");
        JsonNode model = models.get(0).path("model");
        return model.isObject() ? Optional.of(model) : Optional.empty();
    }

    /** Training is under way on the retrainer's thread: wait for its model to be in use. */
    private JsonNode awaitModel() throws InterruptedException {
        return awaitModel(model -> true);
    }

    private JsonNode awaitModel(Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> model = model().filter(wanted);
            if (model.isPresent()) {
                return model.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such model in use after 30 s: " + model());
    }

    private static Optional<JsonNode> reason(JsonNode decision, String policy, String signal) {
        for (JsonNode reason : decision.path("reasons")) {
            if (reason.path("policy").asText().equals(policy) && reason.path("signal").asText().equals(signal)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
