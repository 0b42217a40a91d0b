package com.pitchgate;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pitchgate.access.ApiKeyAuthenticator;
import com.pitchgate.access.ApiKeyStore;
import com.pitchgate.access.AuthConfig;
import com.pitchgate.access.Caller;
import com.pitchgate.access.CallerAuthorizer;
import com.pitchgate.access.ForbiddenMapper;
import com.pitchgate.access.JsonUnauthorizedHandler;
import com.pitchgate.access.UnrestrictedAccess;
import com.pitchgate.analyze.Analyzer;
import com.pitchgate.cli.CommandFailure;
import com.pitchgate.cli.EvaluateCommand;
import com.pitchgate.cli.NewKeyCommand;
import com.pitchgate.cli.TrainCommand;
import com.pitchgate.crm.CrmRecorder;
import com.pitchgate.crm.DeclineMemory;
import com.pitchgate.crm.DeclineService;
import com.pitchgate.crm.IntroService;
import com.pitchgate.crm.OverrideService;
import com.pitchgate.crm.TimelineService;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.extract.MailHeaders;
import com.pitchgate.ingest.FormIntakeConfig;
import com.pitchgate.ingest.IntakeBudget;
import com.pitchgate.ingest.IntakeConfig;
import com.pitchgate.ingest.IntakePort;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.ingest.RateLimiter;
import com.pitchgate.ingest.imap.ImapAccountConfig;
import com.pitchgate.ingest.imap.ImapScreener;
import com.pitchgate.ingest.smtp.SmtpIntake;
import com.pitchgate.learn.LearningConfig;
import com.pitchgate.learn.ModelStore;
import com.pitchgate.learn.ModelTrainer;
import com.pitchgate.learn.ModelTraining;
import com.pitchgate.learn.PitchFeatures;
import com.pitchgate.learn.RetrainTask;
import com.pitchgate.learn.Retrainer;
import com.pitchgate.learn.SpaceModels;
import com.pitchgate.outbound.OutboundConfig;
import com.pitchgate.outbound.OutboundPlanner;
import com.pitchgate.outbound.Outbox;
import com.pitchgate.outbound.OutboxDispatcher;
import com.pitchgate.outbound.OutboxHealthCheck;
import com.pitchgate.policy.SpaceChains;
import com.pitchgate.resources.BusyMapper;
import com.pitchgate.resources.CloseAfterRefusal;
import com.pitchgate.resources.ContactResource;
import com.pitchgate.resources.DeclineResource;
import com.pitchgate.resources.ExportResource;
import com.pitchgate.resources.FormResource;
import com.pitchgate.resources.IntroResource;
import com.pitchgate.resources.InvalidPitchMapper;
import com.pitchgate.resources.JsonErrorMappers;
import com.pitchgate.resources.KeyResource;
import com.pitchgate.resources.ModelResource;
import com.pitchgate.resources.PitchResource;
import com.pitchgate.resources.PolicyResource;
import com.pitchgate.resources.RequestBodyBudget;
import com.pitchgate.resources.RequestSizeLimit;
import com.pitchgate.resources.Scopes;
import com.pitchgate.resources.SpaceResource;
import com.pitchgate.route.RoutingConfig;
import com.pitchgate.screen.PitchProcessor;
import com.pitchgate.screen.RecoverySweeper;
import com.pitchgate.screen.ScreeningStages;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceConfig;
import com.pitchgate.space.ProfileEdits;
import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.store.CrmReader;
import com.pitchgate.store.Database;
import com.pitchgate.store.GroupCommit;
import com.pitchgate.store.Leases;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.StoredApiKeys;
import com.pitchgate.store.StoredCrm;
import com.pitchgate.store.StoredIntros;
import com.pitchgate.store.StoredMailboxes;
import com.pitchgate.store.StoredModels;
import com.pitchgate.store.StoredOutbox;
import com.pitchgate.store.StoredOverrides;
import com.pitchgate.store.StoredProfileEdits;
import com.pitchgate.store.StoredReviews;
import com.pitchgate.store.StoredTimelines;
import com.pitchgate.store.StoredWebSessions;
import com.pitchgate.store.Writes;
import com.pitchgate.web.Credentials;
import com.pitchgate.web.DeclineReplies;
import com.pitchgate.web.Guard;
import com.pitchgate.web.ProfileResource;
import com.pitchgate.web.ReviewResource;
import com.pitchgate.web.SignInResource;
import com.pitchgate.web.StaticResource;
import com.pitchgate.web.WebErrorMappers;
import com.pitchgate.web.WebSecurityHeaders;
import com.pitchgate.web.WebSessions;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.views.common.ViewBundle;
import jakarta.mail.util.StreamProvider;
import jakarta.servlet.DispatcherType;
import jakarta.validation.ValidatorFactory;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/** The Pitchgate server: wires the pipeline stages together and exposes them over HTTP. */
public class PitchgateApplication extends Application<PitchgateConfiguration> {

    /** This server, as the holder of database leases (e.g. of an IMAP mailbox). */
    private final String instance = instanceName();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PitchgateApplication.class);

    private SmtpIntake smtpIntake;
    private ValidatorFactory validatorFactory;

    public static void main(String[] args) throws Exception {
        new PitchgateApplication().run(args);
    }

    @Override
    public String getName() {
        return "pitchgate";
    }

    @Override
    public void initialize(Bootstrap<PitchgateConfiguration> bootstrap) {
        // Jakarta Mail 2.1 looks up its StreamProvider with a ServiceLoader for every header block, body
        // part and decoded stream it makes (jakartaee/mail-api#699, #861): a fiftieth of the cost of
        // screening. Named in this property, it is only instantiated.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        // A misspelt field ("emial") should be an error the client sees, not a silently empty value.
        bootstrap.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // Times as ISO-8601 ("2026-12-02T09:30:00.123Z"), not epoch seconds with nanoseconds: what people
        // and most clients read.
        bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        bootstrap.addBundle(new ViewBundle<>());
        validatorFactory = bootstrap.getValidatorFactory();
        bootstrap.addCommand(new NewKeyCommand<>(PitchgateConfiguration.class));
        bootstrap.addCommand(new TrainCommand<>(PitchgateConfiguration.class, commandOutput()));
        bootstrap.addCommand(new EvaluateCommand<>(PitchgateConfiguration.class, commandOutput()));
    }

    /** Where the train and evaluate commands print; tests may replace it. */
    protected PrintStream commandOutput() {
        return System.out;
    }

    @Override
    protected void onFatalError(Throwable t) {
        System.exit(exitStatus(t));
    }

    /** A command that failed on purpose ends with its own status (evaluate: 2 when a bound is broken); others with 1. */
    public static int exitStatus(Throwable failure) {
        return failure instanceof CommandFailure commandFailure ? commandFailure.exitStatus() : CommandFailure.ERROR;
    }

    /** The clock decisions and "no" expiries are measured with; tests may replace it. */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void run(PitchgateConfiguration config, Environment environment) {
        Clock clock = clock();
        SpaceModels models = new SpaceModels();
        ScreeningStages stages = ScreeningStages.build(config, environment.getObjectMapper(), models);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                stages.close();
            }
        });
        new Rehearsal(config, environment, validatorFactory, stages.spaces().defaultSpace().id(), clock)
                .run(config.getIntake().getWarmUpMessages(),
                        (scratch, scratchDatabase) -> serve(config, scratch, scratchDatabase, stages, models, false, clock));
        serve(config, environment, config.getDatabase(), stages, models, true, clock);
    }

    /**
     * Wires the stores, services and endpoints into an environment: the real one, or the
     * {@link Rehearsal}'s scratch copy, which has no mail channels.
     */
    private void serve(PitchgateConfiguration config, Environment environment, DataSourceFactory databaseSettings,
            ScreeningStages stages, SpaceModels models, boolean mailChannels, Clock clock) {
        RoutingConfig routing = config.getRouting();
        Database.Served database = Database.open(environment, databaseSettings);
        SpaceDirectory spaces = stages.spaces();
        SpaceChains chains = stages.chains();
        environment.healthChecks().register("policies", new PolicyHealthCheck(chains, config.getPlugins().getUnhealthyAfter()));

        PitchStore store = new PitchStore(database.jdbi(), writes(databaseSettings, environment, database));
        CrmReader crmReader = new CrmReader(database.dataSource());
        seedKnownContacts(store, spaces, clock);
        Retrainer retrainer = startLearning(config.getLearning(), environment, database, spaces, models, clock);

        IntakeConfig intake = config.getIntake();
        Duration declineMemory = Duration.ofMillis(routing.getDeclineMemory().toMilliseconds());
        OutboundConfig outbound = config.getOutbound();
        PitchProcessor processor = new PitchProcessor(store, spaces, stages.screener(),
                new CrmRecorder(new DeclineMemory(declineMemory, routing.isDeclineWholeOrganisation())), new OutboundPlanner(outbound),
                crmReader, clock, Duration.ofMillis(intake.getProcessingLease().toMilliseconds()), intake.getMaxAttempts());
        IntakeBudget budget = intake.budget();
        LOG.info("at most {} MiB of incoming messages in memory at once (intake.maxBytesInFlight)",
                budget.totalBytes() / (1024 * 1024));
        environment.metrics().register(MetricRegistry.name(IntakeBudget.class, "heldBytes"),
                (Gauge<Long>) budget::heldBytes);
        OverrideService overrides = new OverrideService(new StoredOverrides(database.jdbi()), clock, declineMemory,
                retrainer);
        environment.lifecycle().manage(new RecoverySweeper(store, processor, clock,
                Duration.ofMillis(intake.getRecoveryInterval().toMilliseconds()),
                Duration.ofMillis(intake.getProcessingLease().toMilliseconds()),
                environment.metrics().counter(MetricRegistry.name(RecoverySweeper.class, "recovered")), budget));

        IntakePort intakePort = new IntakePort(new IntakeService(store, environment.getObjectMapper(), clock,
                Duration.ofMillis(intake.getProcessingLease().toMilliseconds())), processor);
        environment.metrics().register(MetricRegistry.name(MailHeaders.class, "parses"), (Gauge<Long>) MailHeaders::parses);
        environment.metrics().register(MetricRegistry.name(MailExtractor.class, "walks"), (Gauge<Long>) MailExtractor::walks);
        environment.servlets().addFilter("request-body-budget", new RequestBodyBudget(budget,
                intake.getMaxMessageSize().toBytes(), environment.getObjectMapper()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        Outbox outbox = new StoredOutbox(database.jdbi());
        if (mailChannels) {
            startMail(config, environment, spaces, intakePort, budget, outbox, overrides, database, clock);
        }
        ApiKeyStore keys = new StoredApiKeys(database.jdbi());
        StoredCrm storedCrm = new StoredCrm(database.jdbi());
        // One service per CRM subject, for the API's resources and the review pages alike.
        IntroService intros = new IntroService(new StoredIntros(database.jdbi()), clock);
        TimelineService timelines = new TimelineService(new StoredTimelines(database.jdbi()), crmReader);
        DeclineService declines = new DeclineService(storedCrm, crmReader, clock);
        registerAccess(config.getAuth(), environment, keys);
        Scopes scopes = new Scopes(spaces);
        environment.jersey().register(new RequestSizeLimit(intake.getMaxMessageSize().toBytes()));
        environment.jersey().register(new CloseAfterRefusal());
        environment.jersey().register(new InvalidPitchMapper());
        environment.jersey().register(new BusyMapper());
        environment.jersey().register(new JsonErrorMappers.Malformed());
        environment.jersey().register(new JsonErrorMappers.WrongShape());
        environment.jersey().register(new JsonErrorMappers.TooComplex());
        environment.jersey().register(new JsonErrorMappers.BadEncoding());
        environment.jersey().register(new PitchResource(intakePort, store, scopes, overrides));
        environment.jersey().register(new SpaceResource(scopes));
        environment.jersey().register(new KeyResource(keys, scopes, clock));
        environment.jersey().register(new PolicyResource(chains, scopes));
        environment.jersey().register(new ContactResource(storedCrm, timelines, scopes));
        environment.jersey().register(new IntroResource(storedCrm, intros, scopes));
        environment.jersey().register(new DeclineResource(declines, scopes, clock, declineMemory));
        environment.jersey().register(new ExportResource(storedCrm, scopes));
        FormIntakeConfig forms = config.getForms();
        environment.jersey().register(new FormResource(forms, spaces, intakePort,
                new RateLimiter(forms.rateLimit, Duration.ofMillis(forms.rateWindow.toMilliseconds()), clock),
                environment.getValidator(), environment.getObjectMapper(), environment.metrics()));
        environment.healthChecks().register("undecided-pitches", new UndecidedPitchesHealthCheck(store));
        registerReviewPages(config, environment, database, keys, intros, timelines, declines, store, outbox,
                spaces, stages, overrides, clock);
    }

    /**
     * The review pages under {@code /ui}: sign-in with a space's manager or admin key, queues, pitch
     * pages, profiles (edits kept in the store and laid over config.yml's), the intros network.
     */
    private static void registerReviewPages(PitchgateConfiguration config, Environment environment,
            Database.Served database, ApiKeyStore keys, IntroService intros, TimelineService timelines,
            DeclineService declines, PitchStore store, Outbox outbox, SpaceDirectory spaces, ScreeningStages stages,
            OverrideService overrides, Clock clock) {
        ProfileEdits edits = new ProfileEdits(new StoredProfileEdits(database.jdbi()), spaces, clock);
        edits.refresh();
        // Other instances sharing the database may edit profiles too: look for their edits now and then.
        java.util.concurrent.ScheduledExecutorService refresher = environment.lifecycle()
                .scheduledExecutorService("profile-edits").threads(1).build();
        refresher.scheduleWithFixedDelay(() -> {
            try {
                edits.refresh();
            } catch (RuntimeException e) {
                LOG.warn("could not read the profile edits", e);
            }
        }, 1, 1, java.util.concurrent.TimeUnit.MINUTES);
        Guard guard = new Guard(new WebSessions(new StoredWebSessions(database.jdbi()), clock, config.getWeb()), spaces);
        OutboundConfig outbound = config.getOutbound();
        DeclineReplies replies = new DeclineReplies(new OutboundPlanner(outbound), store, outbox, clock,
                outbound.enabled);
        environment.jersey().register(new SignInResource(guard, new Credentials(config.getAuth(), keys)));
        environment.jersey().register(new ReviewResource(guard, new StoredReviews(database.jdbi()), timelines, declines,
                store, overrides, replies, clock));
        environment.jersey().register(new ProfileResource(guard, edits, intros));
        environment.jersey().register(new StaticResource());
        environment.jersey().register(new WebSecurityHeaders());
        environment.jersey().register(new WebErrorMappers.ToSignIn());
        environment.jersey().register(new WebErrorMappers.Refused());
    }

    /** SQLite takes one writer at a time: concurrent requests share commits (see {@link GroupCommit}). */
    private static Writes writes(DataSourceFactory databaseSettings, Environment environment, Database.Served database) {
        if (Database.vendor(databaseSettings.getUrl()) != Database.Vendor.SQLITE) {
            return Writes.direct(database.jdbi());
        }
        GroupCommit groupCommit = new GroupCommit(database.jdbi(), 64, environment.metrics());
        environment.lifecycle().manage(groupCommit);
        return groupCommit;
    }

    /**
     * Bearer API keys per space, with roles checked by {@code @RolesAllowed}; or, with auth off for
     * local development, every caller an admin of every space.
     */
    private static void registerAccess(AuthConfig auth, Environment environment, ApiKeyStore keys) {
        if (auth.enabled) {
            environment.jersey().register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<Caller>()
                    .setAuthenticator(new ApiKeyAuthenticator(auth, keys))
                    .setAuthorizer(new CallerAuthorizer())
                    .setPrefix("Bearer")
                    .setRealm("pitchgate")
                    .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                    .buildAuthFilter()));
        } else {
            LOG.warn("auth.enabled is false: every caller is an admin of every space. For local development only.");
            environment.jersey().register(new UnrestrictedAccess());
        }
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        environment.jersey().register(new ForbiddenMapper());
    }

    /**
     * Puts the stored models back in use, and retrains in the background as overrides come in; the
     * admin task {@code retrain} retrains on demand, and {@code GET /api/models} shows the models.
     */
    private static Retrainer startLearning(LearningConfig learning, Environment environment, Database.Served database,
            SpaceDirectory spaces, SpaceModels models, Clock clock) {
        ModelStore modelStore = new ModelStore(new StoredModels(database.jdbi()));
        ModelTraining training = new ModelTraining(modelStore, new ModelTrainer(learning, new PitchFeatures()), models,
                learning, clock);
        training.loadStored(spaces);
        Retrainer retrainer = new Retrainer(training, modelStore, spaces, models, learning);
        environment.lifecycle().manage(retrainer);
        environment.admin().addTask(new RetrainTask(retrainer, spaces));
        environment.jersey().register(new ModelResource(spaces, models));
        return retrainer;
    }

    /** The mail channels: IMAP mailboxes, the SMTP listener, and the outbox that sends forwards and replies. */
    private void startMail(PitchgateConfiguration config, Environment environment, SpaceDirectory spaces,
            IntakePort intake, IntakeBudget budget, Outbox outbox,
            OverrideService overrides, Database.Served database, Clock clock) {
        for (ImapAccountConfig account : config.getImap()) {
            Space space = account.space == null ? spaces.defaultSpace() : spaces.find(account.space)
                    .orElseThrow(() -> new IllegalArgumentException("imap account " + account.id + ": unknown space '"
                            + account.space + "'"));
            environment.lifecycle().manage(new ImapScreener(account, space, intake, budget, overrides,
                    new StoredMailboxes(database.jdbi()), new Leases(database.jdbi(), clock), clock, instance));
        }
        if (config.getSmtp().enabled) {
            Map<String, Space> spaceByAddress = new HashMap<>();
            for (Space space : spaces.all()) {
                space.addresses().forEach(address -> spaceByAddress.put(address, space));
            }
            if (spaceByAddress.isEmpty()) {
                throw new IllegalArgumentException("smtp.enabled is true but no space lists the addresses it receives at");
            }
            smtpIntake = new SmtpIntake(config.getSmtp(), spaceByAddress, intake, budget);
            environment.lifecycle().manage(smtpIntake);
        }
        if (config.getOutbound().enabled) {
            environment.lifecycle().manage(new OutboxDispatcher(config.getOutbound(), outbox, clock));
        }
        environment.healthChecks().register("outbox", new OutboxHealthCheck(outbox));
    }

    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** The SMTP intake's port, once started; for tests that let it pick a free one. */
    public int smtpPort() {
        return smtpIntake.port();
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
