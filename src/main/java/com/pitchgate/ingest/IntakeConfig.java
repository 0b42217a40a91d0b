package com.pitchgate.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Limits and retry behaviour of pitch intake. */
public class IntakeConfig {

    /** Largest raw message or JSON body accepted; larger ones get 413. */
    @NotNull
    @MaxDataSize(value = 1, unit = io.dropwizard.util.DataSizeUnit.GIBIBYTES)
    private DataSize maxMessageSize = DataSize.mebibytes(25);

    /**
     * Bytes of incoming messages in memory at once, over all channels (see {@link IntakeBudget}); by
     * default a fifth of the JVM's maximum heap.
     */
    @MinDataSize(value = 1, unit = io.dropwizard.util.DataSizeUnit.MEBIBYTES)
    private DataSize maxBytesInFlight;

    /** How long a message waits for room under {@link #maxBytesInFlight} before it is refused as busy. */
    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
    private Duration inFlightWait = Duration.seconds(10);

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

    /** Pitches sent to a scratch copy of the server before it opens its ports (its rehearsal); 0 for none. */
    @Min(0)
    private int warmUpMessages = 0;

    @JsonProperty
    public DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    @JsonProperty
    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @JsonProperty
    public Optional<DataSize> getMaxBytesInFlight() {
        return Optional.ofNullable(maxBytesInFlight);
    }

    @JsonProperty
    public void setMaxBytesInFlight(DataSize maxBytesInFlight) {
        this.maxBytesInFlight = maxBytesInFlight;
    }

    @JsonProperty
    public Duration getInFlightWait() {
        return inFlightWait;
    }

    @JsonProperty
    public void setInFlightWait(Duration inFlightWait) {
        this.inFlightWait = inFlightWait;
    }

    /** The budget these settings describe, for this JVM. */
    public IntakeBudget budget() {
        return new IntakeBudget(getMaxBytesInFlight().map(DataSize::toBytes).orElseGet(IntakeBudget::defaultBytes),
                java.time.Duration.ofMillis(inFlightWait.toMilliseconds()));
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

    @JsonProperty
    public int getWarmUpMessages() {
        return warmUpMessages;
    }

    @JsonProperty
    public void setWarmUpMessages(int warmUpMessages) {
        this.warmUpMessages = warmUpMessages;
    }
}
