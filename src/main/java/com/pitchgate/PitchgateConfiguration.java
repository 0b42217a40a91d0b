package com.pitchgate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.ingest.IntakeConfig;
import com.pitchgate.policy.PolicyChainConfig;
import com.pitchgate.route.RoutingConfig;
import com.pitchgate.space.SpaceConfig;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

public class PitchgateConfiguration extends Configuration {

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
    @NotEmpty
    private List<SpaceConfig> spaces = new ArrayList<>();

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
