package com.pitchgate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pitchgate.access.AuthConfig;
import com.pitchgate.cli.CommandSettings;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.ingest.FormIntakeConfig;
import com.pitchgate.ingest.imap.ImapAccountConfig;
import com.pitchgate.ingest.smtp.SmtpIntakeConfig;
import com.pitchgate.learn.LearningConfig;
import com.pitchgate.outbound.OutboundConfig;
import com.pitchgate.ingest.IntakeConfig;
import com.pitchgate.plugin.PluginsConfig;
import com.pitchgate.policy.PolicyChainConfig;
import com.pitchgate.route.RoutingConfig;
import com.pitchgate.screen.ScreeningSettings;
import com.pitchgate.space.SpaceConfig;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class PitchgateConfiguration extends Configuration implements CommandSettings, ScreeningSettings {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    private IntakeConfig intake = new IntakeConfig();

    @Valid
    @NotNull
    private ExtractionConfig extraction = new ExtractionConfig();

    @Valid
    @NotNull
    private RoutingConfig routing = new RoutingConfig();

    @Valid
    @NotNull
    private PolicyChainConfig policies = new PolicyChainConfig();

    @Valid
    @NotNull
    private PluginsConfig plugins = new PluginsConfig();

    /** Declarative rules, run as the {@code rules} policy; see {@link com.pitchgate.policy.rules.RuleCompiler}. */
    @NotNull
    private List<Map<String, Object>> rules = new ArrayList<>();

    @Valid
    @NotEmpty
    private List<SpaceConfig> spaces = new ArrayList<>();

    @Valid
    @NotNull
    private AuthConfig auth = new AuthConfig();

    @Valid
    @NotNull
    private FormIntakeConfig forms = new FormIntakeConfig();

    @Valid
    @NotNull
    private com.pitchgate.web.WebConfig web = new com.pitchgate.web.WebConfig();

    @JsonProperty
    public com.pitchgate.web.WebConfig getWeb() {
        return web;
    }

    @JsonProperty
    public void setWeb(com.pitchgate.web.WebConfig web) {
        this.web = web;
    }

    @JsonProperty
    public AuthConfig getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthConfig auth) {
        this.auth = auth;
    }

    @JsonProperty
    public FormIntakeConfig getForms() {
        return forms;
    }

    @JsonProperty
    public void setForms(FormIntakeConfig forms) {
        this.forms = forms;
    }

    /** Mailboxes to screen. */
    @Valid
    @NotNull
    private List<ImapAccountConfig> imap = new ArrayList<>();

    @Valid
    @NotNull
    private SmtpIntakeConfig smtp = new SmtpIntakeConfig();

    @Valid
    @NotNull
    private OutboundConfig outbound = new OutboundConfig();

    @Valid
    @NotNull
    private LearningConfig learning = new LearningConfig();

    @JsonProperty
    public LearningConfig getLearning() {
        return learning;
    }

    @JsonProperty
    public void setLearning(LearningConfig learning) {
        this.learning = learning;
    }

    @JsonProperty
    public List<ImapAccountConfig> getImap() {
        return imap;
    }

    @JsonProperty
    public void setImap(List<ImapAccountConfig> imap) {
        this.imap = imap;
    }

    @JsonProperty
    public SmtpIntakeConfig getSmtp() {
        return smtp;
    }

    @JsonProperty
    public void setSmtp(SmtpIntakeConfig smtp) {
        this.smtp = smtp;
    }

    @JsonProperty
    public OutboundConfig getOutbound() {
        return outbound;
    }

    @JsonProperty
    public void setOutbound(OutboundConfig outbound) {
        this.outbound = outbound;
    }

    @JsonProperty
    public PluginsConfig getPlugins() {
        return plugins;
    }

    @JsonProperty
    public void setPlugins(PluginsConfig plugins) {
        this.plugins = plugins;
    }

    @JsonProperty
    public List<Map<String, Object>> getRules() {
        return rules;
    }

    @JsonProperty
    public void setRules(List<Map<String, Object>> rules) {
        this.rules = rules;
    }

    @JsonProperty
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public IntakeConfig getIntake() {
        return intake;
    }

    @JsonProperty
    public void setIntake(IntakeConfig intake) {
        this.intake = intake;
    }

    @JsonProperty
    public ExtractionConfig getExtraction() {
        return extraction;
    }

    @JsonProperty
    public void setExtraction(ExtractionConfig extraction) {
        this.extraction = extraction;
    }

    @JsonProperty
    public RoutingConfig getRouting() {
        return routing;
    }

    @JsonProperty
    public void setRouting(RoutingConfig routing) {
        this.routing = routing;
    }

    @JsonProperty
    public PolicyChainConfig getPolicies() {
        return policies;
    }

    @JsonProperty
    public void setPolicies(PolicyChainConfig policies) {
        this.policies = policies;
    }

    @JsonProperty
    public List<SpaceConfig> getSpaces() {
        return spaces;
    }

    @JsonProperty
    public void setSpaces(List<SpaceConfig> spaces) {
        this.spaces = spaces;
    }
}
