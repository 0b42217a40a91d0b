package com.pitchgate.policy;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import io.dropwizard.lifecycle.Managed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every policy on a pitch, in order, and collects what they say. A policy that throws or
 * returns nothing usable is recorded as a reason and skipped: it never stops a pitch from being
 * decided. Weights configured under {@code routing.weights} replace the policies' own.
 */
public final class PolicyChain implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyChain.class);

    private final List<NamedPolicy> policies;
    private final Map<String, Double> weightOverrides;

    public PolicyChain(List<NamedPolicy> policies, Map<String, Double> weightOverrides) {
        this.policies = List.copyOf(policies);
        this.weightOverrides = Map.copyOf(weightOverrides);
    }

    /** Builds the configured chain of built-in policies, initialising each with its settings. */
    public static PolicyChain fromConfig(PolicyChainConfig config, Map<String, Double> weightOverrides) {
        List<NamedPolicy> policies = new ArrayList<>();
        for (PolicyChainConfig.Entry entry : config.chain()) {
            var policy = BuiltInPolicies.create(entry.name()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown policy '" + entry.name() + "' in policies: built-in policies are " + BuiltInPolicies.names()));
            try {
                policy.init(new PolicyConfig(entry.name(), entry.settings()));
            } catch (PolicyException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            if (policies.stream().anyMatch(p -> p.name().equals(entry.name()))) {
                throw new IllegalArgumentException("policy '" + entry.name() + "' is listed twice in policies");
            }
            policies.add(new NamedPolicy(entry.name(), "built-in", policy));
        }
        return new PolicyChain(policies, weightOverrides);
    }

    public List<NamedPolicy> policies() {
        return policies;
    }

    public ChainOutcome evaluate(Pitch pitch, ScreeningContext context) {
        List<Reason> signals = new ArrayList<>();
        Optional<ChainOutcome.DecidingVerdict> deciding = Optional.empty();
        for (NamedPolicy named : policies) {
            PolicyOutcome outcome;
            try {
                outcome = named.policy().evaluate(pitch, context);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("policy {} failed on pitch {}", named.name(), pitch.id(), e);
                signals.add(new Reason(named.name(), "policy_error", 0, "the policy failed: " + e, false));
                continue;
            }
            if (outcome == null) {
                signals.add(new Reason(named.name(), "policy_error", 0, "the policy returned nothing", false));
                continue;
            }
            for (Signal signal : outcome.signals()) {
                double weight = weightOverrides.getOrDefault(signal.name(), signal.weight());
                signals.add(new Reason(named.name(), signal.name(), weight, signal.detail(), false));
            }
            if (deciding.isEmpty() && outcome.verdict().isPresent()) {
                deciding = Optional.of(new ChainOutcome.DecidingVerdict(named.name(), outcome.verdict().get()));
            }
        }
        return new ChainOutcome(signals, deciding);
    }

    @Override
    public void stop() {
        for (NamedPolicy named : policies) {
            try {
                named.policy().destroy();
            } catch (RuntimeException e) {
                LOG.warn("policy {} failed to shut down", named.name(), e);
            }
        }
    }
}
