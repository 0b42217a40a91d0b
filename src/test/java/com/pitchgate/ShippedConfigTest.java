package com.pitchgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config.yml the README starts the server with is valid and screens a pitch. */
class ShippedConfigTest {

    @Test
    void theShippedConfigurationStartsAndScreens() throws Exception {
        DropwizardTestSupport<PitchgateConfiguration> app = new DropwizardTestSupport<>(PitchgateApplication.class,
                "config.yml", TestApp.withDatabase(TestApp.newDatabaseUrl(),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("logging.loggers.com\\.pitchgate", "WARN")));
        app.before();
        Client client = ClientBuilder.newClient();
        try {
            Response response = client.target("http://localhost:" + app.getLocalPort() + "/api/pitches").request()
                    .post(Entity.json(Map.of("email", "jean@example.org",
                            "message", "Bonjour, je cherche un bureau pour janvier. Quel est le tarif ?")));
            assertThat(response.getStatus()).isEqualTo(201);
            assertThat(response.readEntity(String.class)).contains("\"queue\":\"forward\"");
            Response health = client.target("http://localhost:" + app.getAdminPort() + "/healthcheck").request().get();
            assertThat(health.getStatus()).isEqualTo(200);
            assertThat(health.readEntity(String.class)).contains("undecided-pitches").contains("store");
        } finally {
            client.close();
            app.after();
        }
    }
}
