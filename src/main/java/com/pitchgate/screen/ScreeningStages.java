package com.pitchgate.screen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.analyze.Analyzer;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.extract.FormExtractor;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.extract.TikaTextExtractor;
import com.pitchgate.learn.LearnedPolicy;
import com.pitchgate.learn.SpaceModels;
import com.pitchgate.plugin.PluginsConfig;
import com.pitchgate.plugin.PolicyCatalog;
import com.pitchgate.policy.PolicyChain;
import com.pitchgate.policy.PolicyChainConfig;
import com.pitchgate.policy.SpaceChains;
import com.pitchgate.route.Router;
import com.pitchgate.space.SpaceConfig;
import com.pitchgate.space.SpaceDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The screening stages as {@code config.yml} describes them (spaces, Tika, extractors, analyser,
 * policy chain, router), built once by the server and by each command that screens pitches.
 * {@link #close()} releases the policies, their threads, the plugins' class loaders and Tika's pool.
 */
public final class ScreeningStages implements AutoCloseable {

    private static final String RULES = "rules";

    private final SpaceDirectory spaces;
    private final PolicyCatalog catalog;
    private final SpaceChains chains;
    private final TikaTextExtractor tika;
    private final Screener screener;

    private ScreeningStages(SpaceDirectory spaces, PolicyCatalog catalog, SpaceChains chains, TikaTextExtractor tika,
            Screener screener) {
        this.spaces = spaces;
        this.catalog = catalog;
        this.chains = chains;
        this.tika = tika;
        this.screener = screener;
    }

    /** @param models the trained models the {@code learned} policy reads, replaced as spaces are retrained */
    public static ScreeningStages build(ScreeningSettings config, ObjectMapper json, SpaceModels models) {
        if (config.getRouting().getWeights().containsKey(LearnedPolicy.SIGNAL)) {
            throw new IllegalArgumentException("routing.weights." + LearnedPolicy.SIGNAL + ": this signal's weight comes from"
                    + " the model's probabilities; change the learned policy's 'scale' setting instead");
        }
        SpaceDirectory spaces = new SpaceDirectory(config.getSpaces());
        PluginsConfig plugins = config.getPlugins();
        PolicyCatalog catalog = PolicyCatalog.discover(Optional.ofNullable(plugins.getDirectory()).map(Path::of));
        Duration timeout = Duration.ofMillis(plugins.getDefaultTimeout().toMilliseconds());
        Map<String, Double> weights = config.getRouting().getWeights();
        PolicyChain chain = null;
        Map<String, PolicyChain> own = new LinkedHashMap<>();
        try {
            chain = PolicyChain.build(chainEntries(config.getPolicies(), config.getRules(), models), catalog, timeout, weights);
            for (SpaceConfig space : config.getSpaces()) {
                if (space.policies() != null || space.rules() != null) {
                    PolicyChainConfig policies = space.policies() != null ? space.policies() : config.getPolicies();
                    List<Map<String, Object>> rules = space.rules() != null ? space.rules() : config.getRules();
                    try {
                        own.put(space.id(), PolicyChain.build(chainEntries(policies, rules, models), catalog, timeout, weights));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("space " + space.id() + ": " + e.getMessage(), e);
                    }
                }
            }
            checkWeightsNameDeclaredSignals(weights, chain, own.values());
        } catch (RuntimeException e) {
            own.values().forEach(PolicyChain::stop);
            if (chain != null) {
                chain.stop();
            }
            catalog.close();
            throw e;
        }
        SpaceChains chains = new SpaceChains(chain, own);
        ExtractionConfig extraction = config.getExtraction();
        TikaTextExtractor tika = new TikaTextExtractor(extraction.getMaxTextChars(),
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        Screener screener = new Screener(new MailExtractor(tika, extraction), new FormExtractor(tika, extraction),
                new Analyzer(), chains, new Router(config.getRouting()), json);
        return new ScreeningStages(spaces, catalog, chains, tika, screener);
    }

    /**
     * {@code routing.weights} may only name signals some policy of a chain declares: a misspelled
     * name would otherwise change nothing, silently.
     */
    private static void checkWeightsNameDeclaredSignals(Map<String, Double> weights, PolicyChain chain,
            java.util.Collection<PolicyChain> own) {
        java.util.Set<String> declared = new java.util.TreeSet<>(chain.declaredSignals().keySet());
        own.forEach(other -> declared.addAll(other.declaredSignals().keySet()));
        List<String> unknown = weights.keySet().stream().filter(name -> !declared.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("routing.weights names " + (unknown.size() == 1 ? "a signal" : "signals")
                    + " no policy declares: " + unknown + "; declared signals are " + declared);
        }
    }

    /**
     * The configured chain, with the {@code rules:} list given to the {@code rules} policy, which is
     * appended at the end when rules exist but the chain does not name it, and the trained models
     * given to the {@code learned} policy.
     */
    static List<PolicyChainConfig.Entry> chainEntries(PolicyChainConfig policies, List<Map<String, Object>> rules,
            SpaceModels models) {
        List<PolicyChainConfig.Entry> entries = new ArrayList<>();
        boolean rulesListed = false;
        for (PolicyChainConfig.Entry entry : policies.chain()) {
            if (entry.policyName().equals(RULES) && !entry.settings().containsKey(RULES)) {
                rulesListed = true;
                entry = withSetting(entry, RULES, rules);
            } else if (entry.policyName().equals(LearnedPolicy.NAME)) {
                entry = withSetting(entry, LearnedPolicy.MODELS, models);
            }
            entries.add(entry);
        }
        if (!rulesListed && !rules.isEmpty()) {
            entries.add(new PolicyChainConfig.Entry(RULES, null, null, Map.of(RULES, rules)));
        }
        return entries;
    }

    private static PolicyChainConfig.Entry withSetting(PolicyChainConfig.Entry entry, String key, Object value) {
        Map<String, Object> settings = new HashMap<>(entry.settings());
        settings.put(key, value);
        return new PolicyChainConfig.Entry(entry.name(), entry.use(), entry.timeout(), settings);
    }

    public SpaceDirectory spaces() {
        return spaces;
    }

    /** The policy chain of each space. */
    public SpaceChains chains() {
        return chains;
    }

    public Screener screener() {
        return screener;
    }

    @Override
    public void close() {
        chains.stop();
        catalog.close();
        tika.close();
    }
}
