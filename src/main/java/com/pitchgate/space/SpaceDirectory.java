package com.pitchgate.space;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spaces this server screens for, by id. The first one configured is the default. A space's
 * profile may be replaced while the server runs (an edit made on the review pages); readers see
 * either the old profile or the new one, never a mix, and each screening reads it once.
 */
public final class SpaceDirectory {

    /** Replaced whole on each change (copy on write): edits are rare, look-ups are on every pitch. */
    private volatile Map<String, Space> spaces;

    public SpaceDirectory(List<SpaceConfig> configs) {
        Map<String, Space> loaded = new LinkedHashMap<>();
        for (SpaceConfig config : configs) {
            if (loaded.put(config.id(), Space.of(config)) != null) {
                throw new IllegalArgumentException("space id '" + config.id() + "' is configured twice");
            }
        }
        if (loaded.isEmpty()) {
            throw new IllegalArgumentException("configure at least one space under 'spaces:'");
        }
        this.spaces = loaded;
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

    /** Puts {@code space} in place of the space with its id, which must exist. */
    public synchronized void replace(Space space) {
        if (!spaces.containsKey(space.id())) {
            throw new IllegalArgumentException("no space '" + space.id() + "' to replace");
        }
        Map<String, Space> next = new LinkedHashMap<>(spaces);
        next.put(space.id(), space);
        spaces = next;
    }
}
