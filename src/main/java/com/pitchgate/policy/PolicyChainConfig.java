package com.pitchgate.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;

/**
 * The policy chain, in order: the first verdict in this order wins. Each entry names a policy (a
 * built-in or one from a plugin jar), and carries its own settings block and time budget.
 */
public class PolicyChainConfig {

    /** The built-in chain, used when {@code config.yml} does not list one. */
    public static final List<String> DEFAULT_ORDER = List.of(
            "known_sender", "no_memory", "intro", "bulk", "inquiry", "correspondence", "fit", "homework", "learned", "rules");

    @Valid
    private final List<Entry> chain;

    public PolicyChainConfig() {
        this(DEFAULT_ORDER.stream().map(name -> new Entry(name, null, null, Map.of())).toList());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PolicyChainConfig(List<Entry> chain) {
        this.chain = List.copyOf(chain);
    }

    @JsonValue
    public List<Entry> chain() {
        return chain;
    }

    /**
     * One policy in the chain.
     *
     * @param name     its name in decisions and in {@code GET /api/policies}
     * @param use      the policy to run, when it differs from {@code name} (to run one plugin twice
     *                 with different settings)
     * @param timeout  its time budget per pitch; {@code plugins.defaultTimeout} when absent
     * @param settings its own settings, passed to {@code Policy.init}
     */
    public record Entry(@NotBlank String name, String use, Duration timeout, Map<String, Object> settings) {
        public Entry {
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }

        public String policyName() {
            return use == null || use.isBlank() ? name : use;
        }
    }
}
