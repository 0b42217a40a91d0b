package com.pitchgate.plugin;

import com.pitchgate.spi.Policy;
import java.util.function.Supplier;

/**
 * A kind of policy that can be put in the chain: a built-in, or one found in a plugin jar.
 *
 * @param origin {@code built-in}, or the plugin's file name under the plugins folder
 */
public record PolicyType(String name, String version, String description, String origin, Supplier<Policy> factory) {

    public static final String BUILT_IN = "built-in";

    public boolean builtIn() {
        return BUILT_IN.equals(origin);
    }
}
