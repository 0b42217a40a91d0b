package com.pitchgate.policy;

import com.pitchgate.plugin.PolicyCatalog;
import com.pitchgate.plugin.PolicyType;
import com.pitchgate.spi.ForwardingScreeningContext;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.RaisedSignal;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.Verdict;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every policy on a pitch, in order, and collects what they say. Each plugin (and the rules an
 * admin wrote) runs on its own small thread pool within its time budget, so that a policy that
 * throws, hangs or answers nonsense is recorded as a reason and skipped: it never stops a pitch from
 * being decided, and never holds up the other policies. Built-ins run in the calling thread: handing
 * every pitch to a pool thread and back, for each of them, cost more than most of them do (see
 * {@link NamedPolicy#runsInline()}); they fail the same way, as a reason. Weights configured under
 * {@code routing.weights} replace the policies' own.
 */
public final class PolicyChain implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyChain.class);

    /** Signals a single policy may raise on one pitch; more is nonsense. */
    static final int MAX_SIGNALS = 50;
    /** The largest weight a signal may carry, either way; the thresholds are single digits. */
    static final double MAX_WEIGHT = 50;
    private static final int QUEUED_PER_POLICY = 1_000;

    private final List<NamedPolicy> policies;
    private final Map<String, ThreadPoolExecutor> pools = new LinkedHashMap<>();
    private final Map<String, Double> weightOverrides;

    public PolicyChain(List<NamedPolicy> policies, Map<String, Double> weightOverrides) {
        this.policies = List.copyOf(policies);
        this.weightOverrides = Map.copyOf(weightOverrides);
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        for (NamedPolicy policy : policies) {
            if (policy.runsInline()) {
                continue;
            }
            AtomicInteger count = new AtomicInteger();
            pools.put(policy.name(), new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(QUEUED_PER_POLICY), task -> {
                        Thread thread = new Thread(task, "policy-" + policy.name() + "-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    }));
        }
    }

    /**
     * Builds the configured chain: each entry's policy is looked up in the catalog, created, and
     * initialised with its settings. Any problem fails start-up with the policy's name.
     */
    public static PolicyChain build(List<PolicyChainConfig.Entry> entries, PolicyCatalog catalog,
            Duration defaultTimeout, Map<String, Double> weightOverrides) {
        List<NamedPolicy> policies = new ArrayList<>();
        for (PolicyChainConfig.Entry entry : entries) {
            if (policies.stream().anyMatch(p -> p.name().equals(entry.name()))) {
                throw new IllegalArgumentException("policy '" + entry.name() + "' is listed twice in policies");
            }
            PolicyType type = catalog.find(entry.policyName()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown policy '" + entry.policyName() + "' in policies: known policies are "
                            + catalog.all().stream().map(PolicyType::name).toList()));
            var policy = type.factory().get();
            PolicyConfig config = new PolicyConfig(entry.name(), entry.settings());
            try {
                policy.init(config);
            } catch (PolicyException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("policy " + entry.name() + " failed to start: " + e, e);
            }
            if (!config.unreadKeys().isEmpty()) {
                throw new IllegalArgumentException("policy " + entry.name() + ": unknown setting(s) " + config.unreadKeys());
            }
            Duration timeout = entry.timeout() == null ? defaultTimeout
                    : Duration.ofMillis(entry.timeout().toMilliseconds());
            policies.add(new NamedPolicy(entry.name(), type, policy, timeout));
        }
        return new PolicyChain(policies, weightOverrides);
    }

    public List<NamedPolicy> policies() {
        return policies;
    }

    /**
     * The signals the chain's policies declare, by name, with their weights as configured (the
     * declared default unless {@code routing.weights} changes it).
     */
    public Map<String, Signal> declaredSignals() {
        Map<String, Signal> declared = new LinkedHashMap<>();
        for (NamedPolicy named : policies) {
            for (Signal signal : named.policy().signals()) {
                declared.putIfAbsent(signal.name(), new Signal(signal.name(),
                        weightOverrides.getOrDefault(signal.name(), signal.weight()), signal.detail()));
            }
        }
        return declared;
    }

    public ChainOutcome evaluate(Pitch pitch, ScreeningContext context) {
        List<Reason> signals = new ArrayList<>();
        List<RaisedSignal> raised = new ArrayList<>();
        Optional<ChainOutcome.DecidingVerdict> deciding = Optional.empty();
        for (NamedPolicy named : policies) {
            ScreeningContext seen = new SignalsSoFar(context, List.copyOf(raised));
            Optional<PolicyOutcome> outcome = run(named, pitch, seen, signals);
            if (outcome.isEmpty()) {
                continue;
            }
            List<Signal> emitted = outcome.get().signals();
            if (emitted.size() > MAX_SIGNALS) {
                fault(named, signals, "raised " + emitted.size() + " signals; only the first " + MAX_SIGNALS + " count");
                emitted = emitted.subList(0, MAX_SIGNALS);
            }
            for (Signal signal : emitted) {
                if (signal == null || Math.abs(signal.weight()) > MAX_WEIGHT) {
                    fault(named, signals, "signal " + signal + " ignored: weights are between -" + MAX_WEIGHT + " and " + MAX_WEIGHT);
                    continue;
                }
                double weight = weightOverrides.getOrDefault(signal.name(), signal.weight());
                signals.add(new Reason(named.name(), signal.name(), weight, signal.detail(), false));
                raised.add(new RaisedSignal(named.name(), new Signal(signal.name(), weight, signal.detail())));
            }
            if (deciding.isEmpty() && outcome.get().verdict().isPresent()) {
                deciding = checkedVerdict(named, outcome.get().verdict().get(), context, signals);
            }
        }
        return new ChainOutcome(signals, deciding);
    }

    private Optional<PolicyOutcome> run(NamedPolicy named, Pitch pitch, ScreeningContext context, List<Reason> signals) {
        if (named.runsInline()) {
            return runInline(named, pitch, context, signals);
        }
        Future<PolicyOutcome> call;
        try {
            call = pools.get(named.name()).submit(() -> named.policy().evaluate(pitch, context));
        } catch (RejectedExecutionException e) {
            fault(named, signals, "skipped: the policy has " + QUEUED_PER_POLICY + " pitches waiting already");
            return Optional.empty();
        }
        try {
            return answered(named, call.get(named.timeout().toNanos(), TimeUnit.NANOSECONDS), signals);
        } catch (TimeoutException e) {
            call.cancel(true);
            fault(named, signals, "ran past its time budget of " + named.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            failed(named, pitch, e.getCause(), signals);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            fault(named, signals, "interrupted");
        }
        return Optional.empty();
    }

    private static Optional<PolicyOutcome> runInline(NamedPolicy named, Pitch pitch, ScreeningContext context,
            List<Reason> signals) {
        try {
            return answered(named, named.policy().evaluate(pitch, context), signals);
        } catch (RuntimeException e) {
            failed(named, pitch, e, signals);
            return Optional.empty();
        }
    }

    /** What a policy answered, inline or on its pool: nothing is a fault, anything else a success. */
    private static Optional<PolicyOutcome> answered(NamedPolicy named, PolicyOutcome outcome, List<Reason> signals) {
        if (outcome == null) {
            fault(named, signals, "the policy returned nothing");
            return Optional.empty();
        }
        named.succeeded();
        return Optional.of(outcome);
    }

    private static void failed(NamedPolicy named, Pitch pitch, Throwable cause, List<Reason> signals) {
        LOG.warn("policy {} failed on pitch {}", named.name(), pitch.id(), cause);
        fault(named, signals, "the policy failed: " + cause);
    }

    /** A forward verdict may only target members of the space or the manager. */
    private static Optional<ChainOutcome.DecidingVerdict> checkedVerdict(NamedPolicy named, Verdict verdict,
            ScreeningContext context, List<Reason> signals) {
        List<String> unknown = verdict.targets().stream()
                .filter(t -> !t.equals("manager") && context.space().member(t).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            signals.add(new Reason(named.name(), "policy_error", 0, "verdict named unknown targets " + unknown
                    + "; the router chose the targets", false));
            verdict = new Verdict(verdict.queue(), verdict.signal(), verdict.detail(), List.of());
        }
        return Optional.of(new ChainOutcome.DecidingVerdict(named.name(), verdict));
    }

    private static void fault(NamedPolicy named, List<Reason> signals, String why) {
        named.failed(why);
        signals.add(new Reason(named.name(), "policy_error", 0, why, false));
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
        pools.values().forEach(ThreadPoolExecutor::shutdownNow);
    }

    /** The context as one policy sees it: with the signals of the policies before it. */
    private static final class SignalsSoFar extends ForwardingScreeningContext {
        private final List<RaisedSignal> raised;

        SignalsSoFar(ScreeningContext base, List<RaisedSignal> raised) {
            super(base);
            this.raised = raised;
        }

        @Override
        public List<RaisedSignal> signalsSoFar() {
            return raised;
        }
    }
}
