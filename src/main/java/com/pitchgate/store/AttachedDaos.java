package com.pitchgate.store;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * SqlObjects attached once per handle, however many times a handle's work asks for them. Jdbi
 * builds a handler, with a copy of the configuration, for every method of a SqlObject each time one
 * is attached: attaching the DAOs for each write cost the group-commit writer more than its
 * statements did (docs/benchmarks.md). A handle's configuration is its own (Jdbi copies it when the
 * handle opens, and {@link #createCopy} starts empty), so an attached object never leaves its handle.
 */
public final class AttachedDaos implements JdbiConfig<AttachedDaos> {

    private final Map<Class<?>, Object> attached = new HashMap<>();

    public AttachedDaos() {
    }

    /** The {@code type} SqlObject attached to {@code handle}, attached on first use. */
    public static <T> T on(Handle handle, Class<T> type) {
        return type.cast(handle.getConfig(AttachedDaos.class).attached.computeIfAbsent(type, handle::attach));
    }

    @Override
    public AttachedDaos createCopy() {
        return new AttachedDaos();
    }
}
