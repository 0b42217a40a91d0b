package com.pitchgate.support;

import com.pitchgate.PitchgateApplication;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.store.Database;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The real application on random ports, with a database of its own, for tests over HTTP. */
public final class TestApp {

    private TestApp() {
    }

    public static DropwizardAppExtension<PitchgateConfiguration> extension(ConfigOverride... overrides) {
        return new DropwizardAppExtension<>(PitchgateApplication.class, configPath(), withDatabase(newDatabaseUrl(), overrides));
    }

    /** The application on a new database of the given kind, created when the application starts. */
    public static DropwizardAppExtension<PitchgateConfiguration> extension(Database.Vendor vendor, ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>(Arrays.asList(TestDatabase.overridesCreatedOnStart(vendor)));
        all.addAll(Arrays.asList(overrides));
        return new DropwizardAppExtension<>(PitchgateApplication.class, configPath(), all.toArray(ConfigOverride[]::new));
    }

    public static String configPath() {
        return ResourceHelpers.resourceFilePath("test-config.yml");
    }

    public static String newDatabaseUrl() {
        try {
            Path folder = Files.createTempDirectory("pitchgate-test");
            return "jdbc:sqlite:" + folder.resolve("pitchgate.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConfigOverride[] withDatabase(String url, ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>(Arrays.asList(overrides));
        all.add(ConfigOverride.config("database.url", url));
        return all.toArray(ConfigOverride[]::new);
    }

    public static WebTarget api(DropwizardAppExtension<?> app, String path) {
        return app.client().target("http://localhost:" + app.getLocalPort() + path);
    }

    public static Response postForm(DropwizardAppExtension<?> app, Map<String, Object> form) {
        return api(app, "/api/pitches").request(MediaType.APPLICATION_JSON).post(Entity.json(form));
    }

    public static Response postMessage(DropwizardAppExtension<?> app, String raw) {
        return postMessage(app, raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Response postMessage(DropwizardAppExtension<?> app, byte[] raw) {
        return api(app, "/api/messages").request(MediaType.APPLICATION_JSON)
                .post(Entity.entity(raw, "message/rfc822"));
    }
}
