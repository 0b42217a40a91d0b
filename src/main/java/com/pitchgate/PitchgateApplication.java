package com.pitchgate;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.pitchgate.analyze.Analyzer;
import com.pitchgate.api.InvalidPitchMapper;
import com.pitchgate.api.JsonErrorMappers;
import com.pitchgate.api.PitchResource;
import com.pitchgate.api.RequestSizeLimit;
import com.pitchgate.api.SpaceResource;
import com.pitchgate.crm.DeclineMemory;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.extract.FormExtractor;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.extract.TikaTextExtractor;
import com.pitchgate.ingest.IntakeConfig;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.api.PolicyResource;
import com.pitchgate.plugin.PluginsConfig;
import com.pitchgate.plugin.PolicyCatalog;
import com.pitchgate.policy.PolicyChain;
import com.pitchgate.policy.PolicyChainConfig;
import com.pitchgate.route.Router;
import com.pitchgate.route.RoutingConfig;
import com.pitchgate.screen.PitchProcessor;
import com.pitchgate.screen.RecoverySweeper;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceConfig;
import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.store.Database;
import com.pitchgate.store.PitchStore;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The Pitchgate server: wires the pipeline stages together and exposes them over HTTP. */
public class PitchgateApplication extends Application<PitchgateConfiguration> {

    private static final String RULES = "rules";

    public static void main(String[] args) throws Exception {
        new PitchgateApplication().run(args);
    }

    @Override
    public String getName() {
        return "pitchgate";
    }

    @Override
    public void initialize(Bootstrap<PitchgateConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        // A misspelt field ("emial") should be an error the client sees, not a silently empty value.
        bootstrap.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The clock decisions and "no" expiries are measured with; tests may replace it. */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void run(PitchgateConfiguration config, Environment environment) {
        Clock clock = clock();
        SpaceDirectory spaces = new SpaceDirectory(config.getSpaces());
        RoutingConfig routing = config.getRouting();
        PluginsConfig plugins = config.getPlugins();
        PolicyCatalog catalog = PolicyCatalog.discover(Optional.ofNullable(plugins.getDirectory()).map(Path::of));
        PolicyChain chain = PolicyChain.build(chainEntries(config), catalog,
                Duration.ofMillis(plugins.getDefaultTimeout().toMilliseconds()), routing.getWeights());
        environment.lifecycle().manage(chain);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                catalog.close();
            }
        });
        environment.healthChecks().register("policies", new PolicyHealthCheck(chain, plugins.getUnhealthyAfter()));
        environment.jersey().register(new PolicyResource(chain));

        Jdbi jdbi = Database.open(environment, config.getDatabase());
        PitchStore store = new PitchStore(jdbi);
        seedKnownContacts(store, spaces, clock);

        ExtractionConfig extraction = config.getExtraction();
        TikaTextExtractor tika = new TikaTextExtractor(extraction.getMaxTextChars(),
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                tika.close();
            }
        });

        IntakeConfig intake = config.getIntake();
        PitchProcessor processor = new PitchProcessor(store, spaces, new MailExtractor(tika, extraction),
                new FormExtractor(tika, extraction), new Analyzer(), chain, new Router(routing),
                new DeclineMemory(Duration.ofMillis(routing.getDeclineMemory().toMilliseconds()),
                        routing.isDeclineWholeOrganisation()),
                jdbi, environment.getObjectMapper(), clock,
                Duration.ofMillis(intake.getProcessingLease().toMilliseconds()), intake.getMaxAttempts());
        environment.lifecycle().manage(new RecoverySweeper(store, processor, clock,
                Duration.ofMillis(intake.getRecoveryInterval().toMilliseconds()),
                Duration.ofMillis(intake.getProcessingLease().toMilliseconds()),
                environment.metrics().counter(MetricRegistry.name(RecoverySweeper.class, "recovered"))));

        IntakeService intakeService = new IntakeService(store, environment.getObjectMapper(), clock);
        environment.jersey().register(new RequestSizeLimit(intake.getMaxMessageSize().toBytes()));
        environment.jersey().register(new InvalidPitchMapper());
        environment.jersey().register(new JsonErrorMappers.Malformed());
        environment.jersey().register(new JsonErrorMappers.WrongShape());
        environment.jersey().register(new PitchResource(intakeService, processor, store, spaces));
        environment.jersey().register(new SpaceResource(spaces));
        environment.healthChecks().register("undecided-pitches", new UndecidedPitchesHealthCheck(store));
    }

    /**
     * The configured chain, with the {@code rules:} list given to the {@code rules} policy, which is
     * appended at the end when rules exist but the chain does not name it.
     */
    static List<PolicyChainConfig.Entry> chainEntries(PitchgateConfiguration config) {
        List<PolicyChainConfig.Entry> entries = new ArrayList<>();
        boolean rulesListed = false;
        for (PolicyChainConfig.Entry entry : config.getPolicies().chain()) {
            if (entry.policyName().equals(RULES) && !entry.settings().containsKey(RULES)) {
                rulesListed = true;
                Map<String, Object> settings = new HashMap<>(entry.settings());
                settings.put(RULES, config.getRules());
                entry = new PolicyChainConfig.Entry(entry.name(), entry.use(), entry.timeout(), settings);
            }
            entries.add(entry);
        }
        if (!rulesListed && !config.getRules().isEmpty()) {
            entries.add(new PolicyChainConfig.Entry(RULES, null, null, Map.of(RULES, config.getRules())));
        }
        return entries;
    }

    private static void seedKnownContacts(PitchStore store, SpaceDirectory spaces, Clock clock) {
        for (Space space : spaces.all()) {
            for (SpaceConfig.Person contact : space.contacts()) {
                store.seedKnownContact(space.id(), contact.email().toLowerCase(java.util.Locale.ROOT), contact.name(),
                        contact.organisation(), clock.instant());
            }
        }
    }
}
