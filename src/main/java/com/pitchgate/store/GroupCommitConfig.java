package com.pitchgate.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** How SQLite's writes share commits ({@link GroupCommit}); PostgreSQL commits each on its own. */
public class GroupCommitConfig {

    /** At most this many callers' transactions in one commit. */
    @Min(1)
    @Max(10_000)
    private int maxBatch = 64;

    /**
     * How long a batch stays open for more work once what was waiting has run: a caller waits up to
     * this much longer, and commits (a sync each) are fewer and larger. 0: only the work that came
     * while the batch ran.
     */
    @NotNull
    @MaxDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration commitDelay = Duration.milliseconds(1);

    @JsonProperty
    public int getMaxBatch() {
        return maxBatch;
    }

    @JsonProperty
    public void setMaxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    @JsonProperty
    public Duration getCommitDelay() {
        return commitDelay;
    }

    @JsonProperty
    public void setCommitDelay(Duration commitDelay) {
        this.commitDelay = commitDelay;
    }
}
