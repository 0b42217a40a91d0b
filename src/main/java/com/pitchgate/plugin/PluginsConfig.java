package com.pitchgate.plugin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** Where plugin jars are found, and how policies are kept from hurting screening. */
public class PluginsConfig {

    /** Folder of plugin jars (and sub-folders of jars); missing is fine. */
    private String directory = "plugins";

    /** Time budget of a policy on one pitch, unless its chain entry sets {@code timeout}. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration defaultTimeout = Duration.milliseconds(500);

    /** After this many failures in a row (errors, time-outs, nonsense) a policy is reported unhealthy. */
    @Min(1)
    private int unhealthyAfter = 5;

    @JsonProperty
    public String getDirectory() {
        return directory;
    }

    @JsonProperty
    public void setDirectory(String directory) {
        this.directory = directory;
    }

    @JsonProperty
    public Duration getDefaultTimeout() {
        return defaultTimeout;
    }

    @JsonProperty
    public void setDefaultTimeout(Duration defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    @JsonProperty
    public int getUnhealthyAfter() {
        return unhealthyAfter;
    }

    @JsonProperty
    public void setUnhealthyAfter(int unhealthyAfter) {
        this.unhealthyAfter = unhealthyAfter;
    }
}
