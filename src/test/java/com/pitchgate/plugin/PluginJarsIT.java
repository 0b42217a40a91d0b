package com.pitchgate.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.Json;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plugin jars, as an admin installs them: the example plugins built from their own projects under
 * plugins/ (by the invoker plugin, before this test), and faulty plugins built from fixtures, all
 * loaded from a plugins folder into the running application.
 */
class PluginJarsIT {

    private static Path pluginsFolder;
    private static Path domainList;
    private static DropwizardTestSupport<PitchgateConfiguration> app;
    private static Client client;

    @BeforeAll
    static void installPluginsAndStart() throws Exception {
        pluginsFolder = Files.createTempDirectory("pitchgate-plugins");
        Path builds = Path.of(System.getProperty("pitchgate.pluginBuilds"));
        for (String example : List.of("domain-list-policy", "calendar-link-policy")) {
            Path jar = builds.resolve(example).resolve("target").resolve(example + "-1.0.0.jar");
            assertThat(jar).as("built by the invoker plugin from plugins/" + example).exists();
            Files.copy(jar, pluginsFolder.resolve(jar.getFileName()));
        }
        PluginFixtures.build("throwing", "com.example.fixture.ThrowingPolicy", pluginsFolder.resolve("throwing.jar"), List.of());
        PluginFixtures.build("hanging", "com.example.fixture.HangingPolicy", pluginsFolder.resolve("hanging.jar"), List.of());
        Path oldLang = Path.of(System.getProperty("pitchgate.fixtureLibs")).resolve("commons-lang3-3.12.0.jar");
        Path probe = pluginsFolder.resolve("version-probe");
        PluginFixtures.build("version-probe", "com.example.fixture.VersionProbePolicy", probe.resolve("probe.jar"), List.of(oldLang));
        Files.copy(oldLang, probe.resolve(oldLang.getFileName()));
        domainList = pluginsFolder.resolve("blocked-domains.txt");
        PluginFixtures.write(domainList, "# sellers of lead lists\nleadfarm.example\n");

        app = start(config -> { });
        client = ClientBuilder.newClient();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (app != null) {
            app.after();
        }
    }

    @Test
    void theDomainListPluginDeclinesListedSenders() {
        JsonNode decision = post("sales@eu.leadfarm.example", "Hello, could you send me your rates for a desk?");
        assertThat(decision.path("queue").asText()).as(decision.toPrettyString()).isEqualTo("auto_decline");
        JsonNode decisive = Json.decisive(decision);
        assertThat(decisive.path("policy").asText()).isEqualTo("blocked_domains");
        assertThat(decisive.path("signal").asText()).isEqualTo("listed_domain");
        assertThat(decisive.path("detail").asText()).contains("leadfarm.example");
    }

    @Test
    void theCalendarLinkPluginAsksStrangersForAnIntro() {
        JsonNode decision = post("rep@saasco.example",
                "Hi, I'd love to show you our tool. Grab a slot here: https://calendly.com/rep/demo");
        assertThat(decision.path("queue").asText()).as(decision.toPrettyString()).isEqualTo("requires_intro");
        assertThat(Json.decisive(decision).path("policy").asText()).isEqualTo("calendar_link");
    }

    @Test
    void faultyPluginsNeitherLoseNorBlockAPitch() {
        long start = System.nanoTime();
        JsonNode decision = post("anna@brightlabs.example",
                "Hello, we are looking for a private office for three people. What are your rates?");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(decision.path("queue").asText()).as(decision.toPrettyString()).isEqualTo("forward");
        assertThat(millis).as("the hanging plugin has a 100 ms budget").isLessThan(5_000);
        assertThat(reason(decision, "throwing").path("detail").asText()).contains("broken on purpose");
        assertThat(reason(decision, "hanging").path("detail").asText()).contains("time budget of 100 ms");
        assertThat(reason(decision, "throwing").path("signal").asText()).isEqualTo("policy_error");
    }

    @Test
    void aPluginUsesItsOwnVersionOfALibraryTheServerAlsoHas() {
        JsonNode decision = post("probe@example.org", "Hello there, how much is a day pass?");
        String serverVersion = StringUtils.class.getPackage().getImplementationVersion();
        assertThat(serverVersion).isNotEqualTo("3.12.0");
        assertThat(reason(decision, "version_probe").path("detail").asText())
                .startsWith("commons-lang3 3.12.0 says").contains("Hello the...");
    }

    @Test
    void rulesFromTheConfigurationAddTheirSignals() {
        JsonNode decision = post("drops@tokens.example", "Exclusive NFT drops and crypto rewards for your members!");
        JsonNode rule = reason(decision, "rules");
        assertThat(rule.path("signal").asText()).isEqualTo("crypto_offer");
        assertThat(rule.path("weight").asDouble()).isEqualTo(-5.0);
    }

    @Test
    void policiesAreListedWithOriginVersionAndOrder() {
        JsonNode policies = Json.body(client.target("http://localhost:" + app.getLocalPort() + "/api/policies").request().get());
        assertThat(policies.get(0).path("name").asText()).isEqualTo("known_sender");
        assertThat(policies.get(0).path("origin").asText()).isEqualTo("built-in");
        JsonNode blocked = find(policies, "blocked_domains");
        assertThat(blocked.path("policy").asText()).isEqualTo("domain_list");
        assertThat(blocked.path("origin").asText()).isEqualTo("domain-list-policy-1.0.0.jar");
        assertThat(blocked.path("version").asText()).isEqualTo("1.0.0");
        assertThat(blocked.path("order").asInt()).isGreaterThan(1);
        assertThat(find(policies, "version_probe").path("origin").asText()).isEqualTo("version-probe");
        assertThat(find(policies, "hanging").path("timeoutMillis").asLong()).isEqualTo(100);
    }

    @Test
    void aPluginThatKeepsFailingIsReportedOnTheAdminHealthCheck() {
        for (int i = 0; i < 3; i++) {
            post("health" + i + "@example.org", "Hello, do you have a meeting room on Friday? Price?");
        }
        Response health = client.target("http://localhost:" + app.getAdminPort() + "/healthcheck").request().get();
        String body = health.readEntity(String.class);
        assertThat(health.getStatus()).isEqualTo(500);
        assertThat(body).contains("throwing (throwing.jar) failed").contains("hanging (hanging.jar) failed");
    }

    @Test
    void aBadPluginSettingFailsStartUpNamingThePluginAndTheField() {
        assertThatThrownBy(() -> start(config -> blockedDomains(config).with("settings").put("action", "maybe")))
                .hasStackTraceContaining("policy blocked_domains: setting 'action' must be one of [decline, forward, signal]");
        assertThatThrownBy(() -> start(config -> blockedDomains(config).with("settings").put("flie", "x")))
                .hasStackTraceContaining("policy blocked_domains: unknown setting(s) [flie]");
    }

    @Test
    void anInvalidRuleFailsStartUpWithItsIndex() {
        assertThatThrownBy(() -> start(config -> ((ArrayNode) config.get("rules")).addObject()
                .put("name", "broken").put("route", "nowhere").putArray("when").addObject()
                .put("field", "language").put("op", "equals").put("value", "fr")))
                .hasStackTraceContaining("rules[1]: unknown route 'nowhere'");
    }

    private static ObjectNode blockedDomains(ObjectNode config) {
        for (JsonNode entry : config.get("policies")) {
            if (entry.path("name").asText().equals("blocked_domains")) {
                return (ObjectNode) entry;
            }
        }
        throw new AssertionError("no blocked_domains entry");
    }

    /** Starts the application on the test configuration with the plugins added, changed by {@code edit}. */
    private static DropwizardTestSupport<PitchgateConfiguration> start(Consumer<ObjectNode> edit) throws Exception {
        return ConfigFiles.start(ConfigFiles.testConfig(config -> withPlugins(config, edit)), TestApp.newDatabaseUrl());
    }

    private static void withPlugins(ObjectNode config, Consumer<ObjectNode> edit) {
        config.putObject("plugins").put("directory", pluginsFolder.toString()).put("unhealthyAfter", 3);
        ArrayNode policies = (ArrayNode) config.get("policies");
        policies.addObject().put("name", "blocked_domains").put("use", "domain_list").putObject("settings")
                .put("file", domainList.toString());
        policies.addObject().put("name", "calendar_link");
        policies.addObject().put("name", "throwing");
        policies.addObject().put("name", "hanging").put("timeout", "100ms");
        policies.addObject().put("name", "version_probe");
        ObjectNode rule = config.putArray("rules").addObject().put("name", "crypto");
        rule.putArray("when").addObject().put("field", "words").put("op", "contains_any")
                .putArray("value").add("crypto").add("nft");
        rule.putObject("signal").put("name", "crypto_offer").put("weight", -5);
        edit.accept(config);
    }

    private static JsonNode post(String email, String message) {
        Response response = client.target("http://localhost:" + app.getLocalPort() + "/api/pitches").request()
                .post(Entity.json(Map.of("email", email, "message", message)));
        assertThat(response.getStatus()).isEqualTo(201);
        return Json.body(response);
    }

    private static JsonNode reason(JsonNode decision, String policy) {
        for (JsonNode reason : decision.path("reasons")) {
            if (reason.path("policy").asText().equals(policy)) {
                return reason;
            }
        }
        throw new AssertionError("no reason from " + policy + " in " + decision.toPrettyString());
    }

    private static JsonNode find(JsonNode policies, String name) {
        for (JsonNode policy : policies) {
            if (policy.path("name").asText().equals(name)) {
                return policy;
            }
        }
        throw new AssertionError("no policy " + name + " in " + policies);
    }
}
