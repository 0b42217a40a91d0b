package com.pitchgate.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;

/**
 * The policy chain, in order: the first verdict in this order wins. Each entry names a built-in
 * policy and carries its own settings block.
 */
public class PolicyChainConfig {

    /** The built-in chain, used when {@code config.yml} does not list one. */
    public static final List<String> DEFAULT_ORDER = List.of(
            "known_sender", "no_memory", "intro", "bulk", "inquiry", "fit", "homework");

    @Valid
    private final List<Entry> chain;

    public PolicyChainConfig() {
        this(DEFAULT_ORDER.stream().map(name -> new Entry(name, Map.of())).toList());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PolicyChainConfig(List<Entry> chain) {
        this.chain = List.copyOf(chain);
    }

    @JsonValue
    public List<Entry> chain() {
        return chain;
    }

    /** One policy in the chain. */
    public record Entry(@NotBlank String name, Map<String, Object> settings) {
        public Entry {
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }
}
