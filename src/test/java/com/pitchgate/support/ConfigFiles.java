package com.pitchgate.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pitchgate.PitchgateApplication;
import com.pitchgate.PitchgateConfiguration;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Test configurations made from test-config.yml with some parts changed, for settings that are lists. */
public final class ConfigFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFiles() {
    }

    /** test-config.yml, changed by {@code edit}, written to a temporary file. */
    public static Path testConfig(Consumer<ObjectNode> edit) {
        return edited(Path.of(TestApp.configPath()), edit);
    }

    /** A configuration file, changed by {@code edit}, written to a temporary file. */
    public static Path edited(Path base, Consumer<ObjectNode> edit) {
        try {
            ObjectNode config = (ObjectNode) YAML.readTree(base.toFile());
            edit.accept(config);
            Path file = Files.createTempFile("pitchgate-config", ".yml");
            YAML.writeValue(file.toFile(), config);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A configuration file read as the server reads it (environment variables substituted), and validated. */
    public static PitchgateConfiguration load(String path) throws Exception {
        return new YamlConfigurationFactory<>(PitchgateConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                        path);
    }

    /** Starts the application on {@code config} and the given database. */
    public static DropwizardTestSupport<PitchgateConfiguration> start(Path config, String databaseUrl,
            ConfigOverride... overrides) throws Exception {
        DropwizardTestSupport<PitchgateConfiguration> support = new DropwizardTestSupport<>(PitchgateApplication.class,
                config.toString(), TestApp.withDatabase(databaseUrl, overrides));
        support.before();
        return support;
    }
}
