package com.pitchgate.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.plugin.PluginsConfig;
import com.pitchgate.policy.PolicyChainConfig;
import com.pitchgate.route.RoutingConfig;
import com.pitchgate.screen.ScreeningSettings;
import com.pitchgate.space.SpaceConfig;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A configuration's screening settings with the spaces of another file: the same policies, weights
 * and thresholds, judged for another profile ({@code evaluate --spaces FILE}).
 */
record OtherSpaces(ScreeningSettings base, List<SpaceConfig> spaces) implements ScreeningSettings {

    /** The {@code spaces:} list of a YAML file, validated as config.yml's is. */
    static List<SpaceConfig> read(Path file, Validator validator) {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(CommandFailure.ERROR, "--spaces must name a YAML file with a 'spaces:' list; " + file
                    + (Files.exists(file) ? " is a folder" : " does not exist"));
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<SpaceConfig> spaces;
        try {
            JsonNode list = yaml.readTree(file.toFile()).path("spaces");
            if (!list.isArray() || list.isEmpty()) {
                throw new CommandFailure(CommandFailure.ERROR, file + ": expected a non-empty 'spaces:' list");
            }
            spaces = yaml.convertValue(list, new TypeReference<List<SpaceConfig>>() { });
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailure(CommandFailure.ERROR, file + ": " + e.getMessage());
        }
        for (SpaceConfig space : spaces) {
            Set<ConstraintViolation<SpaceConfig>> violations = validator.validate(space);
            if (!violations.isEmpty()) {
                throw new CommandFailure(CommandFailure.ERROR, file + ": " + violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
            }
        }
        return List.copyOf(spaces);
    }

    @Override
    public List<SpaceConfig> getSpaces() {
        return spaces;
    }

    @Override
    public ExtractionConfig getExtraction() {
        return base.getExtraction();
    }

    @Override
    public RoutingConfig getRouting() {
        return base.getRouting();
    }

    @Override
    public PolicyChainConfig getPolicies() {
        return base.getPolicies();
    }

    @Override
    public List<Map<String, Object>> getRules() {
        return base.getRules();
    }

    @Override
    public PluginsConfig getPlugins() {
        return base.getPlugins();
    }
}
