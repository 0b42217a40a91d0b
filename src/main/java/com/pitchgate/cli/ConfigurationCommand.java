package com.pitchgate.cli;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.ConfiguredCommand;

/**
 * A command that reads {@code config.yml} into the configuration class it is given when registered,
 * so that it need not know the application (which depends on it) to parse it.
 *
 * @param <C> the application's configuration
 */
abstract class ConfigurationCommand<C extends Configuration> extends ConfiguredCommand<C> {

    private final Class<C> configuration;

    protected ConfigurationCommand(String name, String description, Class<C> configuration) {
        super(name, description);
        this.configuration = configuration;
    }

    @Override
    protected Class<C> getConfigurationClass() {
        return configuration;
    }
}
