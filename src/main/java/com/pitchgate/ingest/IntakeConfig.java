package com.pitchgate.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** Limits and retry behaviour of pitch intake. */
public class IntakeConfig {

    /** Largest raw message or JSON body accepted; larger ones get 413. */
    @NotNull
    @MaxDataSize(value = 1, unit = io.dropwizard.util.DataSizeUnit.GIBIBYTES)
    private DataSize maxMessageSize = DataSize.mebibytes(25);

    /** How often stored but undecided pitches (after a crash, or a failed attempt) are retried. */
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration recoveryInterval = Duration.seconds(30);

    /** A pitch claimed by a processor that did not finish within this lease is taken up again. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration processingLease = Duration.minutes(5);

    /** After this many failed attempts a pitch is decided by the fallback rule, never dropped. */
    @Min(1)
    private int maxAttempts = 3;

    @JsonProperty
    public DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    @JsonProperty
    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @JsonProperty
    public Duration getRecoveryInterval() {
        return recoveryInterval;
    }

    @JsonProperty
    public void setRecoveryInterval(Duration recoveryInterval) {
        this.recoveryInterval = recoveryInterval;
    }

    @JsonProperty
    public Duration getProcessingLease() {
        return processingLease;
    }

    @JsonProperty
    public void setProcessingLease(Duration processingLease) {
        this.processingLease = processingLease;
    }

    @JsonProperty
    public int getMaxAttempts() {
        return maxAttempts;
    }

    @JsonProperty
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }
}
