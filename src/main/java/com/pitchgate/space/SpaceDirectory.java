package com.pitchgate.space;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The spaces this server screens for, by id. The first one configured is the default. */
public final class SpaceDirectory {

    private final Map<String, Space> spaces = new LinkedHashMap<>();

    public SpaceDirectory(List<SpaceConfig> configs) {
        for (SpaceConfig config : configs) {
            if (spaces.put(config.id(), Space.of(config)) != null) {
                throw new IllegalArgumentException("space id '" + config.id() + "' is configured twice");
            }
        }
        if (spaces.isEmpty()) {
            throw new IllegalArgumentException("configure at least one space under 'spaces:'");
        }
    }

    public Optional<Space> find(String id) {
        return Optional.ofNullable(spaces.get(id));
    }

    public Space defaultSpace() {
        return spaces.values().iterator().next();
    }

    public Collection<Space> all() {
        return spaces.values();
    }
}
