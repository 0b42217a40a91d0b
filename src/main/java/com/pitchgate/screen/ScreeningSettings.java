package com.pitchgate.screen;

import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.plugin.PluginsConfig;
import com.pitchgate.policy.PolicyChainConfig;
import com.pitchgate.route.RoutingConfig;
import com.pitchgate.space.SpaceConfig;
import java.util.List;
import java.util.Map;

/**
 * The parts of {@code config.yml} the screening stages are built from (see {@link ScreeningStages}),
 * so that the server and the commands can build them without this package knowing the whole
 * configuration.
 */
public interface ScreeningSettings {

    List<SpaceConfig> getSpaces();

    ExtractionConfig getExtraction();

    RoutingConfig getRouting();

    PolicyChainConfig getPolicies();

    /** Declarative rules, run as the {@code rules} policy. */
    List<Map<String, Object>> getRules();

    PluginsConfig getPlugins();
}
