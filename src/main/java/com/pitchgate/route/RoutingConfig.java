package com.pitchgate.route;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How signals become a queue, in the manner of Rspamd's actions: the weights of all signals are
 * added, and the sum is compared with two thresholds.
 */
public class RoutingConfig {

    /** A score at or above this forwards the pitch. */
    private double forwardAt = 3.0;

    /** A score at or below this declines the pitch; between the two it requires an intro. */
    private double declineAt = -3.0;

    /** A member whose fit reaches this is a forward target. */
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    private double memberFitThreshold = 0.2;

    /** Overrides of signal weights, by signal name (e.g. {@code merge_field_leftover: -8}). */
    @NotNull
    private Map<String, Double> weights = new LinkedHashMap<>();

    /** How long a "no" stands by default. */
    @NotNull
    private Duration declineMemory = Duration.days(180);

    /** Whether a "no" covers the sender's whole organisation (its mail domain), or the sender alone. */
    private boolean declineWholeOrganisation = true;

    @AssertTrue(message = "forwardAt must be greater than declineAt")
    public boolean isThresholdOrderValid() {
        return forwardAt > declineAt;
    }

    @JsonProperty
    public double getForwardAt() {
        return forwardAt;
    }

    @JsonProperty
    public void setForwardAt(double forwardAt) {
        this.forwardAt = forwardAt;
    }

    @JsonProperty
    public double getDeclineAt() {
        return declineAt;
    }

    @JsonProperty
    public void setDeclineAt(double declineAt) {
        this.declineAt = declineAt;
    }

    @JsonProperty
    public double getMemberFitThreshold() {
        return memberFitThreshold;
    }

    @JsonProperty
    public void setMemberFitThreshold(double memberFitThreshold) {
        this.memberFitThreshold = memberFitThreshold;
    }

    @JsonProperty
    public Map<String, Double> getWeights() {
        return weights;
    }

    @JsonProperty
    public void setWeights(Map<String, Double> weights) {
        this.weights = weights;
    }

    @JsonProperty
    public Duration getDeclineMemory() {
        return declineMemory;
    }

    @JsonProperty
    public void setDeclineMemory(Duration declineMemory) {
        this.declineMemory = declineMemory;
    }

    @JsonProperty
    public boolean isDeclineWholeOrganisation() {
        return declineWholeOrganisation;
    }

    @JsonProperty
    public void setDeclineWholeOrganisation(boolean declineWholeOrganisation) {
        this.declineWholeOrganisation = declineWholeOrganisation;
    }
}
