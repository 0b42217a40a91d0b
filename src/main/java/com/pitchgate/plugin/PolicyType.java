package com.pitchgate.plugin;

import com.pitchgate.spi.Policy;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A kind of policy that can be put in the chain: a built-in, or one found in a plugin jar.
 *
 * @param origin {@code built-in}, or the plugin's file name under the plugins folder
 */
public record PolicyType(String name, String version, String description, String origin, Supplier<Policy> factory) {

    public static final String BUILT_IN = "built-in";

    /** Built-ins that run patterns an admin wrote, and so may take any time. */
    private static final Set<String> RUNS_ADMIN_PATTERNS = Set.of("rules");

    public boolean builtIn() {
        return BUILT_IN.equals(origin);
    }

    /**
     * Whether the chain may run this policy in the screening thread. Built-ins are bounded by their
     * own code (they read the start of a text only); plugins, and rules written by an admin, run on a
     * pool of their own, within a time budget, so that a hang or a slow pattern cannot hold a pitch.
     * (The chain still runs the rules policy inline when none of its rules has a regular expression:
     * {@code NamedPolicy.runsInline}.)
     */
    public boolean runsInline() {
        return builtIn() && !RUNS_ADMIN_PATTERNS.contains(name);
    }
}
